import { EMPTY_FETCH_WAIT_MS, fetchWait } from './fetch-wait';

describe('fetchWait', () => {
  it('answers a fetch as soon as a record is there, and an empty one after Kafka’s own 500 ms', () => {
    expect(fetchWait(1, 0)).toEqual({ minBytes: 1, maxWaitTimeInMs: EMPTY_FETCH_WAIT_MS });
    expect(fetchWait(32, 0)).toEqual({ minBytes: 1, maxWaitTimeInMs: 500 });
  });

  it('holds a batch-mode fetch for about a batch when CONSUMER_BATCH_WAIT_MS asks for it', () => {
    expect(fetchWait(32, 20)).toEqual({ minBytes: 32 * 200, maxWaitTimeInMs: 20 });
  });

  it('never holds a per-record fetch for a batch', () => {
    expect(fetchWait(1, 20)).toEqual({ minBytes: 1, maxWaitTimeInMs: 500 });
  });
});
