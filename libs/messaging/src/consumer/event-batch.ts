import type { MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { EventContext } from './event.context';

/**
 * Extras of an `@EventPattern` whose handler takes a whole batch (docs/adr/0039-batch-consumer.md):
 * `@EventPattern(topic, BATCH_HANDLER) handle(@Payload() batch: EventBatch<E>)`.
 */
export const BATCH_HANDLER = { batch: true } as const;

/** One record of an EventBatch: its event, and its context with a unit of work of its own. */
export interface BatchedEvent<E> {
  readonly event: E;
  readonly context: EventContext;
}

/**
 * The fresh records of a consumed batch, in offset order. Their units of work share one transaction
 * (`batch[0].context.unitOfWork.manager`). In per-record mode, and when a batch's call throws, the
 * handler is called again with one record at a time, so the record to blame is retried or
 * dead-lettered alone.
 */
export type EventBatch<E> = readonly BatchedEvent<E>[];

export function takesBatches(handler: MessageHandler): boolean {
  return handler.extras?.batch === true;
}

/** Calls a Nest handler with one record and waits for it, whether it returns a promise or an observable. */
export async function runHandler(handler: MessageHandler, event: unknown, context: EventContext): Promise<void> {
  await settle(takesBatches(handler) ? handler([{ event, context }]) : handler(event, context));
}

/** Calls a batch handler with the whole batch. */
export async function runBatchHandler(handler: MessageHandler, batch: EventBatch<unknown>): Promise<void> {
  await settle(handler(batch));
}

async function settle(call: ReturnType<MessageHandler>): Promise<void> {
  const result = await call;
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}
