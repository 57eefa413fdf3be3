export interface PromoterRetrySettings {
  /** Delay after the first failed attempt; doubles with each further one. */
  backoffMs: number;
  /** The longest wait between two attempts, so a long outage is noticed soon after it ends. */
  maxBackoffMs: number;
  /** Attempts after which an internal error (a bug, not the provider) gives up. */
  maxInternalAttempts: number;
}

/** What a failed attempt leads to. */
export type PromoterRetry =
  { outcome: 'retry'; attempts: number; nextAttemptAt: Date } | { outcome: 'give-up'; attempts: number };

/**
 * When a failed promoter delivery is tried again (ADR 0032). The provider being down or slow is an outage: it pauses
 * the follow-up, without limit, at most maxBackoffMs apart. Only an internal error (template, signing: it will not
 * heal by waiting) gives up after maxInternalAttempts. A permanent refusal never gets here.
 */
export class PromoterRetryPolicy {
  constructor(private readonly settings: PromoterRetrySettings) {}

  afterFailure(previousAttempts: number, cause: 'outage' | 'internal', now: Date): PromoterRetry {
    const attempts = previousAttempts + 1;
    if (cause === 'internal' && attempts >= this.settings.maxInternalAttempts) return { outcome: 'give-up', attempts };
    return { outcome: 'retry', attempts, nextAttemptAt: new Date(now.getTime() + this.delayMs(attempts)) };
  }

  /** backoff · 2^(attempts-1), capped; the exponent is bounded so a days-long outage cannot overflow it. */
  delayMs(attempts: number): number {
    const exponent = Math.min(Math.max(attempts - 1, 0), 30);
    return Math.min(this.settings.backoffMs * 2 ** exponent, this.settings.maxBackoffMs);
  }
}
