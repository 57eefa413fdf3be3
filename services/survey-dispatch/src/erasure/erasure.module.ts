import { Module } from '@nestjs/common';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { CustomerDataWriter } from './customer-data.writer';
import { CustomerErasureController } from './customer-erasure.controller';
import { CustomerErasureService } from './customer-erasure.service';
import { CustomerErasedHandler } from './customer-erased.handler';
import { ErasedCustomerRepository } from './erased-customer.repository';

/** Erasure of a customer (ADR 0038); the register is shared with the contact policy and the import. */
@Module({
  controllers: [CustomerErasureController, CustomerErasedHandler],
  providers: [CustomerErasureService, CustomerDataWriter, ErasedCustomerRepository, SurveyRequestRepository],
  exports: [ErasedCustomerRepository],
})
export class ErasureModule {}
