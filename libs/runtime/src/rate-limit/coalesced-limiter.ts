import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

interface Waiter {
  points: number;
  resolve: (res: RateLimiterRes) => void;
  reject: (outcome: unknown) => void;
}

/**
 * Consumes a request's points (one, or one per answer of a batch), with concurrent requests of one key
 * sharing one store call: while a consume of a key is in flight, later requests of that key wait and
 * then go together as one consume of their points added up. The store counts every point as before;
 * each request is answered as if it had gone alone, in arrival order (allowed while the count stays
 * within `points`). Under load this turns
 * one upsert of a hot counter row per request, each waiting for the previous one's row lock and
 * holding a pool connection meanwhile, into a few per burst (ADR 0053).
 */
export class CoalescedLimiter {
  /** Keys with a consume in flight, and the requests waiting for the next one. */
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly points: number,
  ) {}

  /** Resolves within the limit; rejects with a RateLimiterRes over it, or with the store's error. */
  consume(key: string, points = 1): Promise<RateLimiterRes> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ points, resolve, reject });
        return;
      }
      this.waiting.set(key, []);
      void this.run(key, [{ points, resolve, reject }]);
    });
  }

  private async run(key: string, group: Waiter[]): Promise<void> {
    try {
      this.answer(group, await this.limiter.consume(key, pointsOf(group)));
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) this.answer(group, outcome);
      else for (const waiter of group) waiter.reject(outcome);
    }
    const next = this.waiting.get(key) ?? [];
    if (next.length === 0) {
      this.waiting.delete(key);
      return;
    }
    this.waiting.set(key, []);
    void this.run(key, next);
  }

  private answer(group: Waiter[], res: RateLimiterRes): void {
    let consumed = res.consumedPoints - pointsOf(group);
    for (const waiter of group) {
      consumed += waiter.points;
      const own = new RateLimiterRes(Math.max(0, this.points - consumed), res.msBeforeNext, consumed, false);
      if (consumed <= this.points) waiter.resolve(own);
      else waiter.reject(own);
    }
  }
}

function pointsOf(group: Waiter[]): number {
  return group.reduce((sum, waiter) => sum + waiter.points, 0);
}
