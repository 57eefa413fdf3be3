import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServiceModule } from '@nps/runtime';
import { ResponseApiModule } from './api/response-api.module';
import { IngestionErrorFilter } from './errors/ingestion-error.filter';
import { ingestionValidationPipe } from './errors/validation.pipe';
import { ImportsModule } from './imports/imports.module';
import { service } from './service.definition';
import { InboundSmsModule } from './sms/inbound-sms.module';
import { SurveyPageModule } from './survey-page/survey-page.module';
import { SurveyRequestsModule } from './survey-requests/survey-requests.module';

@Module({
  imports: [ServiceModule.forRoot(service), SurveyPageModule, ResponseApiModule, InboundSmsModule, ImportsModule, SurveyRequestsModule],
  providers: [
    { provide: APP_PIPE, useFactory: ingestionValidationPipe },
    { provide: APP_FILTER, useClass: IngestionErrorFilter },
  ],
})
export class AppModule {}
