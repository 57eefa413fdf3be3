const DAY_MS = 24 * 60 * 60 * 1000;

export interface AccountRiskSettings {
  windowDays: number;
  threshold: number;
}

/**
 * Whether an account is at risk: at least `threshold` detractor cases opened within the last `windowDays`, and no
 * alert for it within the last `windowDays` (once per account per window). Pure: counts and the last alert come in.
 */
export class AccountRiskRule {
  constructor(readonly settings: AccountRiskSettings) {}

  /** Cases opened at or after this moment count. */
  windowStart(now: Date): Date {
    return new Date(now.getTime() - this.settings.windowDays * DAY_MS);
  }

  atRisk(casesInWindow: number, lastAlertAt: Date | null, now: Date): boolean {
    if (lastAlertAt && lastAlertAt >= this.windowStart(now)) return false;
    return casesInWindow >= this.settings.threshold;
  }
}
