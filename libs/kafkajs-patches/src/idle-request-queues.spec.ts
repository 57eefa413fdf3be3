import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { PATCHED_KAFKAJS, stopIdleRequestQueueTimers } from './idle-request-queues';

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}
type QueueClass = new (options: object) => Queue;

const RequestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue') as QueueClass;
const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const aQueue = () =>
  new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 1000, clientId: 'c', broker: 'b:9092', logger });

/** Checks `queue` once; whether that armed a timer (cleared again) and with what delay. */
function armedBy(queue: Queue): number | null {
  const setTimeoutSpy = jest.spyOn(global, 'setTimeout');
  try {
    queue.checkPendingRequests();
    const call = setTimeoutSpy.mock.calls.at(-1);
    return call ? (call[1] ?? 0) : null;
  } finally {
    if (queue.throttleCheckTimeoutId) clearTimeout(queue.throttleCheckTimeoutId);
    queue.throttleCheckTimeoutId = null;
    setTimeoutSpy.mockRestore();
  }
}

describe('kafkajs request queues without idle timers (ADR 0067)', () => {
  it('is written for the kafkajs that package.json pins: an upgrade must check whether it is still needed', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8'));
    expect(manifest.dependencies.kafkajs).toBe(PATCHED_KAFKAJS);
  });

  it('kafkajs alone arms a negative timer for an idle queue; afterwards none, and the throttled and pending ones stay', () => {
    expect(armedBy(aQueue())).toBeLessThan(0);

    stopIdleRequestQueueTimers();

    expect(armedBy(aQueue())).toBeNull();
    const throttled = aQueue();
    throttled.throttledUntil = Date.now() + 5000;
    expect(armedBy(throttled)).toBeGreaterThan(4000);
    const waiting = aQueue();
    waiting.throttledUntil = Date.now() + 5000;
    waiting.pending.push({});
    expect(armedBy(waiting)).toBeGreaterThan(4000);
  });
});
