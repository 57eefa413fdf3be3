import { Module } from '@nestjs/common';
import { RateLimitModule } from '@nps/runtime';
import { AnswersModule } from '../answers/answers.module';
import { ApiAnswerBatches } from './api-answer.batches';
import { IdempotencyRepository } from './idempotency.repository';
import { ResponseApi } from './response-api.service';
import { ResponseBatch } from './response-batch.service';
import { ResponsesController } from './responses.controller';

@Module({
  imports: [AnswersModule, RateLimitModule],
  controllers: [ResponsesController],
  providers: [ResponseApi, ResponseBatch, ApiAnswerBatches, IdempotencyRepository],
})
export class ResponseApiModule {}
