import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { SurveyDispatchedHandler } from './survey-dispatched.handler';
import { SurveyExpiryHandler } from './survey-expiry.handler';
import { SurveyRequestsController } from './survey-requests.controller';

@Module({
  imports: [AnswersModule],
  controllers: [SurveyRequestsController, SurveyExpiryHandler, SurveyDispatchedHandler],
})
export class SurveyRequestsModule {}
