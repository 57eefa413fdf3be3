import { Module } from '@nestjs/common';
import { AuthModule } from '@nps/auth';
import { PrivacyModule } from '@nps/privacy';
import { CustomerErasureModule, CustomerExportModule, ServiceModule } from '@nps/runtime';
import { AccountsModule } from './accounts/accounts.module';
import { ImprovementEffectsModule } from './improvement-effects/improvement-effects.module';
import { ScoringModule } from './scoring.module';
import { service } from './service.definition';
import { CUSTOMER_DATA } from './customer-export/customer-data.catalog';

@Module({
  imports: [
    ServiceModule.forRoot(service),
    PrivacyModule.forRoot(),
    AuthModule.forRoot(),
    ScoringModule,
    ImprovementEffectsModule,
    AccountsModule,
    CustomerExportModule.forService(CUSTOMER_DATA),
    CustomerErasureModule.forService(CUSTOMER_DATA),
  ],
})
export class AppModule {}
