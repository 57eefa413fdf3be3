import { Module } from '@nestjs/common';
import { CustomerRepository } from '../customers/customer.repository';
import { FollowUpConsumer } from './follow-up.consumer';
import { RecoveryReportService } from './recovery-report.service';
import { RecoveryController } from './recovery.controller';
import { RecoveryMeasurer } from './recovery.measurer';
import { RecoveryRepository } from './recovery.repository';

/** Recovery measured against a holdout (docs/outer-loop.md): follow-ups, measurements, GET /nps/recovery. */
@Module({
  controllers: [FollowUpConsumer, RecoveryController],
  providers: [RecoveryRepository, RecoveryMeasurer, RecoveryReportService, CustomerRepository],
  exports: [RecoveryMeasurer],
})
export class RecoveryModule {}
