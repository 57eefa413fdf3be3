import { Channel } from '@nps/contracts';
import { parseQuietHours } from '../contact-policy/quiet-hours';
import type { SurveyRequestRecord } from '../survey-requests/survey-request.record';
import { SurveyLifecycle } from './survey-lifecycle';

const NOW = new Date('2026-11-23T12:00:00.250Z');
const HOUR = 60 * 60 * 1000;
const lifecycle = new SurveyLifecycle({
  expiryMs: 72 * HOUR,
  reminderDelayMs: 24 * HOUR,
  maxAttempts: 3,
  retryBackoffMs: 1000,
  quietHours: parseQuietHours('21:00-08:00'),
});

function aRequest(change: Partial<SurveyRequestRecord> = {}): SurveyRequestRecord {
  return {
    id: 'r-1',
    customerId: 'c-1',
    touchpointId: 't-1',
    touchpointType: 'order-delivered',
    channel: Channel.EMAIL,
    language: 'en',
    origin: 'touchpoint',
    status: 'scheduled',
    nextAction: 'send',
    dueAt: NOW,
    attempts: 0,
    lastError: null,
    requestedAt: NOW,
    sentAt: null,
    expiresAt: null,
    remindedAt: null,
    answeredAt: null,
    closedAt: null,
    recoveryOfResponseId: null,
    ...change,
  };
}

describe('SurveyLifecycle', () => {
  it('after sending: reminder due after the delay, expiry in whole seconds', () => {
    const request = aRequest();
    const expiresAt = lifecycle.expiryOf(NOW);
    lifecycle.sent(request, NOW, expiresAt, 'Europe/Amsterdam');

    expect(expiresAt.toISOString()).toBe('2026-11-26T12:00:00.000Z');
    expect(request).toMatchObject({
      status: 'sent',
      sentAt: NOW,
      nextAction: 'remind',
      dueAt: new Date(NOW.getTime() + 24 * HOUR),
      expiresAt,
    });
  });

  it('moves a reminder that would fall in quiet hours to their end', () => {
    const evening = new Date('2026-11-23T21:30:00Z'); // 22:30 in Amsterdam
    const request = aRequest();
    lifecycle.sent(request, evening, lifecycle.expiryOf(evening), 'Europe/Amsterdam');

    expect(request.dueAt?.toISOString()).toBe('2026-11-25T07:00:00.000Z');
  });

  it('expires without a reminder when the reminder would come after expiry', () => {
    const short = new SurveyLifecycle({
      expiryMs: HOUR,
      reminderDelayMs: 2 * HOUR,
      maxAttempts: 3,
      retryBackoffMs: 1000,
    });
    const request = aRequest();
    short.sent(request, NOW, short.expiryOf(NOW), 'UTC');

    expect(request).toMatchObject({ nextAction: 'expire', dueAt: request.expiresAt });
  });

  it('after the reminder only expiry is left, and expiry closes the request', () => {
    const request = aRequest({ status: 'sent', nextAction: 'remind', expiresAt: new Date('2026-11-26T12:00:00Z') });
    lifecycle.reminded(request, NOW);
    expect(request).toMatchObject({
      status: 'reminded',
      remindedAt: NOW,
      nextAction: 'expire',
      dueAt: new Date('2026-11-26T12:00:00Z'),
    });

    lifecycle.expired(request, NOW);
    expect(request).toMatchObject({ status: 'expired', nextAction: null, dueAt: null, closedAt: NOW });
  });

  it('retries transient failures with doubling backoff, then fails the survey', () => {
    const request = aRequest();

    expect(lifecycle.attemptFailed(request, true, 'SMTP 421', NOW)).toBe('retry');
    expect(request.dueAt?.getTime()).toBe(NOW.getTime() + 1000);
    expect(lifecycle.attemptFailed(request, true, 'SMTP 421', NOW)).toBe('retry');
    expect(request.dueAt?.getTime()).toBe(NOW.getTime() + 2000);
    expect(lifecycle.attemptFailed(request, true, 'SMTP 421', NOW)).toBe('failed');
    expect(request).toMatchObject({ status: 'failed', attempts: 3, lastError: 'SMTP 421', nextAction: null });
  });

  it('fails at once on a permanent failure, but only skips a reminder that cannot be delivered', () => {
    expect(lifecycle.attemptFailed(aRequest(), false, 'HTTP 400', NOW)).toBe('failed');

    const reminding = aRequest({ status: 'sent', nextAction: 'remind', expiresAt: new Date('2026-11-26T12:00:00Z') });
    expect(lifecycle.attemptFailed(reminding, false, 'HTTP 400', NOW)).toBe('skipped');
    expect(reminding).toMatchObject({ status: 'sent', nextAction: 'expire', dueAt: new Date('2026-11-26T12:00:00Z') });
  });

  it('withdraws a survey not sent yet after an opt-out, but only drops the reminder of one already sent', () => {
    const waiting = aRequest();
    expect(lifecycle.withdrawn(waiting, 'the customer opted out of EMAIL', NOW)).toBe('withdrawn');
    expect(waiting).toMatchObject({
      status: 'failed',
      closedAt: NOW,
      nextAction: null,
      dueAt: null,
      lastError: 'withdrawn: the customer opted out of EMAIL',
    });

    const expiresAt = new Date('2026-11-26T12:00:00Z');
    const reminding = aRequest({ status: 'sent', nextAction: 'remind', expiresAt });
    expect(lifecycle.withdrawn(reminding, 'the customer opted out of all surveys', NOW)).toBe('reminder dropped');
    expect(reminding).toMatchObject({ status: 'sent', nextAction: 'expire', dueAt: expiresAt, closedAt: null });
  });
});
