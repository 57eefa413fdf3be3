import { Module } from '@nestjs/common';
import { contactPolicyProvider } from '../contact-policy/contact-policy.provider';
import { SuppressionsController } from '../suppressions/suppressions.controller';
import { AdHocSurveyController } from './ad-hoc-survey.controller';
import { SurveyTriggerHandler } from './survey-trigger.handler';
import { TouchpointRecordedHandler } from './touchpoint-recorded.handler';

/** Touchpoints and ad-hoc requests through the contact policy; suppressions are queryable. */
@Module({
  controllers: [TouchpointRecordedHandler, AdHocSurveyController, SuppressionsController],
  providers: [contactPolicyProvider, SurveyTriggerHandler],
})
export class TriggersModule {}
