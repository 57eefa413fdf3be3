import { Module } from '@nestjs/common';
import { contactPolicyProvider } from '../contact-policy/contact-policy.provider';
import { CustomerRepository } from '../customers/customer.repository';
import { ErasedCustomerRepository } from '../erasure/erased-customer.repository';
import { CustomerOptOutRepository } from '../opt-outs/customer-opt-out.repository';
import { SuppressionRepository } from '../suppressions/suppression.repository';
import { SuppressionsController } from '../suppressions/suppressions.controller';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { AdHocSurveyController } from './ad-hoc-survey.controller';
import { HeldTriggerProcessor } from './held-trigger.processor';
import { HeldTriggerRepository } from '../held-triggers/held-trigger.repository';
import { HeldTriggerScheduler } from './held-trigger.scheduler';
import { SurveyTriggerHandler } from './survey-trigger.handler';
import { TouchpointRecordedHandler } from './touchpoint-recorded.handler';

/** Touchpoints and ad-hoc requests through the contact policy (unknown customers held); suppressions are queryable. */
@Module({
  controllers: [TouchpointRecordedHandler, AdHocSurveyController, SuppressionsController],
  providers: [
    contactPolicyProvider,
    SurveyTriggerHandler,
    HeldTriggerRepository,
    HeldTriggerProcessor,
    HeldTriggerScheduler,
    SurveyRequestRepository,
    CustomerRepository,
    SuppressionRepository,
    CustomerOptOutRepository,
    ErasedCustomerRepository,
  ],
})
export class TriggersModule {}
