import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { ApiAnswerBatches } from './api-answer.batches';
import { IdempotencyRepository } from './idempotency.repository';
import { ResponseApi } from './response-api.service';
import { ResponsesController } from './responses.controller';

@Module({
  imports: [AnswersModule],
  controllers: [ResponsesController],
  providers: [ResponseApi, ApiAnswerBatches, IdempotencyRepository],
})
export class ResponseApiModule {}
