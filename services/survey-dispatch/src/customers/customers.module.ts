import { Module } from '@nestjs/common';
import { CustomerImportController } from './customer-import.controller';
import { CustomerImporter } from './customer-importer';
import { ErasedCustomerRepository } from '../erasure/erased-customer.repository';
import { HeldPromoterFollowUpRepository } from '../held-triggers/held-promoter-follow-up.repository';
import { HeldTriggerRepository } from '../held-triggers/held-trigger.repository';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { CustomerRepository } from './customer.repository';

@Module({
  controllers: [CustomerImportController],
  providers: [
    CustomerImporter,
    CustomerRepository,
    ErasedCustomerRepository,
    HeldTriggerRepository,
    HeldPromoterFollowUpRepository,
    SurveyRequestRepository,
  ],
})
export class CustomersModule {}
