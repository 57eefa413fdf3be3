import { nextAllowedTime, type QuietHours } from '../contact-policy/quiet-hours';
import type { SurveyRequestRecord } from '../survey-requests/survey-request.record';

export interface LifecycleSettings {
  expiryMs: number;
  reminderDelayMs: number;
  maxAttempts: number;
  retryBackoffMs: number;
  quietHours?: QuietHours;
}

/**
 * The due-time state machine of a survey request:
 * scheduled --send--> sent --remind--> reminded --expire--> expired; an answer (elsewhere) or a
 * failed send closes it. Each function changes `request` and says what to publish.
 */
export class SurveyLifecycle {
  constructor(private readonly settings: LifecycleSettings) {}

  /** When a survey sent now stops accepting answers; whole seconds, like the expiry inside its links. */
  expiryOf(sentAt: Date): Date {
    return new Date(Math.floor((sentAt.getTime() + this.settings.expiryMs) / 1000) * 1000);
  }

  /** The survey went out: the reminder is due after the delay (outside quiet hours), expiry at `expiresAt`. */
  sent(request: SurveyRequestRecord, now: Date, expiresAt: Date, timeZone: string): void {
    const reminderAt = nextAllowedTime(
      new Date(now.getTime() + this.settings.reminderDelayMs),
      timeZone,
      this.settings.quietHours,
    );
    const remind = this.settings.reminderDelayMs > 0 && reminderAt < expiresAt;
    Object.assign(request, {
      status: 'sent',
      sentAt: now,
      expiresAt,
      attempts: 0,
      lastError: null,
      nextAction: remind ? 'remind' : 'expire',
      dueAt: remind ? reminderAt : expiresAt,
    });
  }

  reminded(request: SurveyRequestRecord, now: Date): void {
    Object.assign(request, {
      status: 'reminded',
      remindedAt: now,
      attempts: 0,
      lastError: null,
      nextAction: 'expire',
      dueAt: request.expiresAt,
    });
  }

  expired(request: SurveyRequestRecord, now: Date): void {
    Object.assign(request, { status: 'expired', closedAt: now, nextAction: null, dueAt: null });
  }

  /**
   * The customer opted out while the survey or its reminder waited (ADR 0065): a survey not sent yet is
   * withdrawn (failed, never sent, so nobody else knows of it); a reminder is dropped and the survey only expires.
   */
  withdrawn(request: SurveyRequestRecord, detail: string, now: Date): 'withdrawn' | 'reminder dropped' {
    request.lastError = `withdrawn: ${detail}`;
    if (request.nextAction === 'remind') {
      Object.assign(request, { nextAction: 'expire', dueAt: request.expiresAt });
      return 'reminder dropped';
    }
    Object.assign(request, { status: 'failed', closedAt: now, nextAction: null, dueAt: null });
    return 'withdrawn';
  }

  /**
   * A delivery attempt failed. Returns 'retry' (due again after backoff), 'failed' (the survey
   * itself could not be delivered: publish SurveyFailed) or 'skipped' (the reminder is given up,
   * the survey still expires as planned).
   */
  attemptFailed(
    request: SurveyRequestRecord,
    transient: boolean,
    detail: string,
    now: Date,
  ): 'retry' | 'failed' | 'skipped' {
    request.attempts += 1;
    request.lastError = detail;
    if (transient && request.attempts < this.settings.maxAttempts) {
      request.dueAt = new Date(now.getTime() + this.settings.retryBackoffMs * 2 ** (request.attempts - 1));
      return 'retry';
    }
    if (request.nextAction === 'remind') {
      Object.assign(request, { nextAction: 'expire', dueAt: request.expiresAt });
      return 'skipped';
    }
    Object.assign(request, { status: 'failed', closedAt: now, nextAction: null, dueAt: null });
    return 'failed';
  }
}
