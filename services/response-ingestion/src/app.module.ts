import { Module } from '@nestjs/common';
import { AuthModule } from '@nps/auth';
import { PrivacyModule } from '@nps/privacy';
import { CustomerErasureModule, CustomerExportModule, ServiceModule } from '@nps/runtime';
import { ResponseApiModule } from './api/response-api.module';
import { ImportsModule } from './imports/imports.module';
import { PublicRateLimitsModule } from './rate-limits/public-rate-limits.module';
import { service } from './service.definition';
import { InboundSmsModule } from './sms/inbound-sms.module';
import { SurveyPageModule } from './survey-page/survey-page.module';
import { SurveyRequestsModule } from './survey-requests/survey-requests.module';
import { CUSTOMER_DATA } from './customer-export/customer-data.catalog';
import { UnsubscribePageModule } from './unsubscribe/unsubscribe-page.module';

@Module({
  imports: [
    ServiceModule.forRoot(service),
    PrivacyModule.forRoot(),
    AuthModule.forRoot(),
    PublicRateLimitsModule,
    SurveyPageModule,
    ResponseApiModule,
    InboundSmsModule,
    ImportsModule,
    SurveyRequestsModule,
    CustomerExportModule.forService(CUSTOMER_DATA),
    CustomerErasureModule.forService(CUSTOMER_DATA),
    UnsubscribePageModule,
  ],
})
export class AppModule {}
