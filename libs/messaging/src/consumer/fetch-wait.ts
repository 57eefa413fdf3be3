import type { ConsumerConfig } from 'kafkajs';

/** A lower bound on an encoded event's size: a fetch told to wait for a batch waits for about a batch of these. */
const MIN_EVENT_BYTES = 200;

/**
 * How long a fetch with nothing to return waits on the broker: Kafka's own default
 * (fetch.max.wait.ms), instead of kafkajs' 5 s, so a stopping or rebalancing consumer waits no longer.
 */
export const EMPTY_FETCH_WAIT_MS = 500;

/**
 * The fetch's wait (docs/adr/0052-fetch-what-is-there.md): by default a fetch is answered as soon as a
 * record is there, and a batch holds what came meanwhile. With batchWaitMs (batch mode only) the
 * broker holds the fetch up to that long for about a batch.
 */
export function fetchWait(
  batchSize: number,
  batchWaitMs: number,
): Pick<ConsumerConfig, 'minBytes' | 'maxWaitTimeInMs'> {
  if (batchSize > 1 && batchWaitMs > 0) return { minBytes: batchSize * MIN_EVENT_BYTES, maxWaitTimeInMs: batchWaitMs };
  return { minBytes: 1, maxWaitTimeInMs: EMPTY_FETCH_WAIT_MS };
}
