import { PromoterRetryPolicy } from './promoter-follow-up.retry';

describe('promoter follow-up retry', () => {
  const policy = new PromoterRetryPolicy({ backoffMs: 1000, maxBackoffMs: 60000, maxInternalAttempts: 3 });
  const now = new Date('2026-12-02T10:00:00Z');

  it('doubles the delay with each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 6, 7, 8].map((attempts) => policy.delayMs(attempts))).toEqual([
      1000, 2000, 4000, 8000, 32000, 60000, 60000,
    ]);
  });

  it('keeps a days-long outage at the cap instead of overflowing', () => {
    expect(policy.delayMs(5000)).toBe(60000);
  });

  it('never gives up on an outage, however many attempts failed', () => {
    expect(policy.afterFailure(0, 'outage', now)).toEqual({
      outcome: 'retry',
      attempts: 1,
      nextAttemptAt: new Date('2026-12-02T10:00:01Z'),
    });
    expect(policy.afterFailure(999, 'outage', now)).toEqual({
      outcome: 'retry',
      attempts: 1000,
      nextAttemptAt: new Date('2026-12-02T10:01:00Z'),
    });
  });

  it('gives up on an internal error after the configured attempts', () => {
    expect(policy.afterFailure(1, 'internal', now)).toMatchObject({ outcome: 'retry', attempts: 2 });
    expect(policy.afterFailure(2, 'internal', now)).toEqual({ outcome: 'give-up', attempts: 3 });
  });
});
