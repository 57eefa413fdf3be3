import { Module } from '@nestjs/common';
import { CustomerImportController } from './customer-import.controller';
import { CustomerImporter } from './customer-importer';
import { ErasedCustomerRepository } from '../erasure/erased-customer.repository';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { CustomerRepository } from './customer.repository';

@Module({
  controllers: [CustomerImportController],
  providers: [CustomerImporter, CustomerRepository, ErasedCustomerRepository, SurveyRequestRepository],
})
export class CustomersModule {}
