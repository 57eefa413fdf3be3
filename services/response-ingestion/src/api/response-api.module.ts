import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyRetention } from './idempotency.retention';
import { ResponseApi } from './response-api.service';
import { ResponsesController } from './responses.controller';

@Module({
  imports: [AnswersModule],
  controllers: [ResponsesController],
  providers: [ResponseApi, IdempotencyRepository, IdempotencyRetention],
})
export class ResponseApiModule {}
