import { Injectable } from '@nestjs/common';
import { Topics } from '@nps/contracts';
import { EventTransactions } from '@nps/messaging';
import { inSpan, linksTo } from '@nps/observability';
import { type Context, context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import DataLoader from 'dataloader';
import type { ResponseRecord } from '../answers/answer.types';
import { Clock } from '../answers/clock';
import { receivedAnswer } from '../answers/received-answer';
import { responseReceived, type SealedComment } from '../answers/response.events';
import { ResponseRepository } from '../answers/response.repository';
import { IdempotencyRepository, type StoredOutcome } from './idempotency.repository';
import { type ApiOutcome, replay } from './idempotency.replay';

/** One `POST /responses` without a survey link, ready to store: its outcome is known before anything is read. */
export interface ApiAnswer {
  key: string;
  requestHash: string;
  record: ResponseRecord;
  sealed: SealedComment;
}

interface QueuedAnswer extends ApiAnswer {
  /** The request's trace, which its event carries on to the consumers. */
  context: Context;
}

const tracer = trace.getTracer('response-ingestion');

/** Transactions of answers at once: more would only queue for the same rows, fewer leave the pool idle. */
const IN_FLIGHT = 2;
const MAX_BATCH = 100;

/**
 * Stores the answers of concurrent `POST /responses` together (group commit): while IN_FLIGHT
 * transactions run, arriving answers wait and then go in one transaction with one statement per
 * table, instead of five statements each. Alone, an answer goes at once. Each answer keeps its own
 * outcome: a retry gets the first outcome of its key, a reused key its error.
 */
@Injectable()
export class ApiAnswerBatches {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly loader = new DataLoader<QueuedAnswer, ApiOutcome>((answers) => this.store(answers), {
    cache: false,
    maxBatchSize: MAX_BATCH,
    batchScheduleFn: (dispatch) => this.schedule(dispatch),
  });

  constructor(
    private readonly transactions: EventTransactions,
    private readonly responses: ResponseRepository,
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  add(answer: ApiAnswer): Promise<ApiOutcome> {
    return this.loader.load({ ...answer, context: context.active() });
  }

  private schedule(dispatch: () => void): void {
    if (this.running < IN_FLIGHT) {
      this.running++;
      setImmediate(dispatch);
    } else this.waiting.push(dispatch);
  }

  /** One span for the batch, linked to each request's (as OpenTelemetry's batch conventions do). */
  private async store(answers: readonly QueuedAnswer[]): Promise<(ApiOutcome | Error)[]> {
    const links = linksTo(answers.map((a) => a.context));
    const span = tracer.startSpan('store answers', {
      root: true,
      links,
      attributes: { 'nps.answers': answers.length },
    });
    try {
      return await inSpan(span, ROOT_CONTEXT, () => this.storeInOneTransaction(answers));
    } finally {
      const next = this.waiting.shift();
      if (next) setImmediate(next);
      else this.running--;
    }
  }

  private async storeInOneTransaction(answers: readonly QueuedAnswer[]): Promise<(ApiOutcome | Error)[]> {
    return this.transactions.run(async (unitOfWork) => {
      // The first answer of a key claims it; a later one in the batch is a retry of that one.
      const firsts = new Map<string, QueuedAnswer>();
      for (const answer of answers) if (!firsts.has(answer.key)) firsts.set(answer.key, answer);
      const claims = [...firsts.values()];
      const earlier = await this.keys.claimMany(
        unitOfWork.manager,
        claims.map((a) => ({ key: a.key, requestHash: a.requestHash, answer: receivedAnswer(a.record) })),
      );
      const fresh = claims.filter((a) => !earlier.has(a.key));
      await this.responses.insertIfAbsent(
        unitOfWork.manager,
        fresh.map((a) => a.record),
      );
      const now = this.clock.now();
      for (const a of fresh) {
        const event = responseReceived(a.record, a.sealed, now);
        context.with(a.context, () => unitOfWork.publish(Topics.ResponseReceived, event));
      }
      return answers.map((answer) => {
        const first = firsts.get(answer.key) as QueuedAnswer;
        const before =
          earlier.get(answer.key) ??
          (first === answer ? undefined : { requestHash: first.requestHash, answer: receivedAnswer(first.record) });
        return outcomeOf(answer, before);
      });
    });
  }
}

function outcomeOf(answer: ApiAnswer, earlier: StoredOutcome | undefined): ApiOutcome | Error {
  if (earlier === undefined) return { answer: receivedAnswer(answer.record), replayed: false };
  try {
    return replay(earlier, answer.requestHash, answer.record);
  } catch (error) {
    return error as Error;
  }
}
