import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, problemOf, requestValidationPipe } from '@nps/runtime';
import pLimit from 'p-limit';
import { ResponseIngestionEnv } from '../response-ingestion.env';
import { BatchAnswerDto, type BatchAnswerResultDto } from './response-batch.dto';
import { ResponseApi } from './response-api.service';

/**
 * `POST /responses/batch`: each answer goes as if it were its own `POST /responses`, with the same
 * validation, idempotency and outcome, so one refused answer does not hold the others back. They run
 * at once, so answers without a survey link share transactions (ApiAnswerBatches). A failure that is
 * not the answer's fault (the database is down) fails the request: a retry with the same keys stores
 * what is missing and replays the rest (ADR 0068); its link answers still waiting for their turn then never start.
 */
@Injectable()
export class ResponseBatch {
  private readonly validation = requestValidationPipe();
  /**
   * A survey-link answer takes a pooled connection for a transaction of its own. Those of all batches in this
   * instance share half the pool, so partner batches never take every connection from the survey page and single
   * requests; answers without a link share group-commit transactions and need no such limit.
   */
  private readonly linkAnswers: pLimit.Limit;

  constructor(
    private readonly api: ResponseApi,
    env: ResponseIngestionEnv,
  ) {
    this.linkAnswers = pLimit(linkAnswersAtOnce(env.DATABASE_POOL_SIZE));
  }

  create(answers: object[]): Promise<BatchAnswerResultDto[]> {
    const request: BatchRequest = { failure: undefined };
    return Promise.all(answers.map((answer) => this.createOne(answer, request)));
  }

  private async createOne(given: object, request: BatchRequest): Promise<BatchAnswerResultDto> {
    const sentKey = (given as { idempotencyKey?: unknown }).idempotencyKey;
    const idempotencyKey = typeof sentKey === 'string' ? sentKey : null;
    try {
      const dto = (await this.validation.transform(given, {
        type: 'body',
        metatype: BatchAnswerDto,
      })) as BatchAnswerDto;
      const { idempotencyKey: key, ...answer } = dto;
      const { answer: accepted, replayed } = await (answer.token === undefined
        ? this.api.create(key, answer)
        : this.linkAnswers(() => this.createLinkAnswer(key, answer, request)));
      const status = replayed || accepted.outcome === 'unchanged' ? HttpStatus.OK : HttpStatus.CREATED;
      return { idempotencyKey, status, answer: accepted, replayed };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { problem } = problemOf(error, { service: 'response-ingestion', retryAfterSeconds: 0 });
      // POST /responses' key is a header; here it is the answer's own field.
      problem.fields = problem.fields?.map((f) =>
        f.field === 'Idempotency-Key' ? { ...f, field: 'idempotencyKey' } : f,
      );
      return { idempotencyKey, status: problem.status, problem };
    }
  }

  /** Noted before the limit starts the next one, so none of this request's waiting link answers starts after it. */
  private async createLinkAnswer(key: string, answer: Omit<BatchAnswerDto, 'idempotencyKey'>, request: BatchRequest) {
    if (request.failure !== undefined) throw request.failure;
    try {
      return await this.api.create(key, answer);
    } catch (error) {
      if (!(error instanceof DomainError)) request.failure ??= error;
      throw error;
    }
  }
}

/** The first failure that was not an answer's fault fails the whole request. */
interface BatchRequest {
  failure: unknown;
}

/** How many of the batches' survey-link answers run at once: half the pool, at least one. */
export function linkAnswersAtOnce(poolSize: number): number {
  return Math.max(1, Math.floor(poolSize / 2));
}
