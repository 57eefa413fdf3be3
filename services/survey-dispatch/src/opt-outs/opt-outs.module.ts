import { Module } from '@nestjs/common';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { ContactOptedOutHandler } from './contact-opted-out.handler';
import { CustomerOptOutRepository } from './customer-opt-out.repository';

/** Customers' own opt-outs, recorded for the contact policy. */
@Module({
  controllers: [ContactOptedOutHandler],
  providers: [CustomerOptOutRepository, SurveyRequestRepository],
  exports: [CustomerOptOutRepository],
})
export class OptOutsModule {}
