import { Module } from '@nestjs/common';
import { AuthModule } from '@nps/auth';
import { PrivacyModule } from '@nps/privacy';
import { CustomerExportModule, ServiceModule } from '@nps/runtime';
import { CustomersModule } from './customers/customers.module';
import { ErasureModule } from './erasure/erasure.module';
import { OptOutsModule } from './opt-outs/opt-outs.module';
import { RecoveryModule } from './recovery/recovery.module';
import { PromoterFollowUpModule } from './promoter-follow-up/promoter-follow-up.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { service } from './service.definition';
import { TriggersModule } from './triggers/triggers.module';
import { CUSTOMER_DATA } from './customer-export/customer-data.catalog';

@Module({
  imports: [
    ServiceModule.forRoot(service),
    PrivacyModule.forRoot(),
    AuthModule.forRoot(),
    CustomersModule,
    TriggersModule,
    SchedulingModule,
    RecoveryModule,
    PromoterFollowUpModule,
    CustomerExportModule.forService(CUSTOMER_DATA),
    OptOutsModule,
    ErasureModule,
  ],
})
export class AppModule {}
