import { createRequire } from 'node:module';

/** The kafkajs release whose RequestQueue this was written against (package.json pins it). */
export const PATCHED_KAFKAJS = '2.2.4';

/** The parts of kafkajs' internal RequestQueue (src/network/requestQueue) the fix reads. */
interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

let stopped = false;

/**
 * Stops kafkajs arming a timer for a request queue with nothing pending and no throttle in force (ADR 0067).
 * kafkajs 2.2.4 re-arms one after every check with the delay `throttledUntil - Date.now()`, negative while
 * unthrottled: Node runs it after 1 ms and the check arms the next, so every broker connection spins about a
 * thousand times a second for nothing (kafkajs#1704), and Node 24 warns `TimeoutNegativeWarning` (kafkajs#1751).
 * The queue is checked again anyway when a request is queued or one in flight ends. The upstream fix
 * (kafkajs#1768) is unreleased. A no-op for any other kafkajs version; once per process.
 */
export function stopIdleRequestQueueTimers(): void {
  if (stopped) return;
  stopped = true;
  const load = createRequire(__filename);
  if ((load('kafkajs/package.json') as { version: string }).version !== PATCHED_KAFKAJS) return;
  const queue = (load('kafkajs/src/network/requestQueue') as { prototype: RequestQueue }).prototype;
  const schedule = queue.scheduleCheckPendingRequests;
  queue.scheduleCheckPendingRequests = function (this: RequestQueue) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
}
