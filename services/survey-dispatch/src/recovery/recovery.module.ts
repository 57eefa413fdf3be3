import { Module } from '@nestjs/common';
import { CustomerRepository } from '../customers/customer.repository';
import { ErasedCustomerRepository } from '../erasure/erased-customer.repository';
import { CustomerOptOutRepository } from '../opt-outs/customer-opt-out.repository';
import { SuppressionRepository } from '../suppressions/suppression.repository';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { RecoverySurveyProcessor } from './recovery-survey.processor';
import { RecoverySurveyRepository } from './recovery-survey.repository';
import { RecoveryTriggerConsumer } from './recovery-trigger.consumer';
import { RecoveryTriggerHandler } from './recovery-trigger.handler';
import { RecoveryScheduler } from './recovery.scheduler';

/** Recovery re-surveys of followed-up and held-out detractors (docs/outer-loop.md). */
@Module({
  controllers: [RecoveryTriggerConsumer],
  providers: [
    RecoverySurveyRepository,
    RecoveryTriggerHandler,
    RecoverySurveyProcessor,
    RecoveryScheduler,
    SurveyRequestRepository,
    CustomerRepository,
    SuppressionRepository,
    CustomerOptOutRepository,
    ErasedCustomerRepository,
  ],
})
export class RecoveryModule {}
