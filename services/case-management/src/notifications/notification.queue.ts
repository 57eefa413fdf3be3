import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseManagementEnv } from '../case-management.env';
import type { CaseRecord } from '../cases/case.record';
import type { Team } from '../teams/team';
import { formatDeadline } from './deadline.format';
import { notificationLanguage, notificationText } from './notification.messages';
import { type NewNotification, type NotificationKind, NotificationRepository } from './notification.repository';

/** What of a team a notification needs: where to post, and the time zone and language people read it in. */
export type NotifiedTeam = Pick<Team, 'webhookUrl' | 'calendar' | 'language'>;

export interface NotificationRecipient {
  /** Member id; empty for an escalation contact that is only an email address. */
  memberId: string;
  name: string;
  email: string;
}

/**
 * Queues the notifications of a case change in the same transaction as the change (an email to the
 * recipient, and a post to the team's Slack-compatible webhook); NotificationDispatcher sends them.
 */
@Injectable()
export class NotificationQueue {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly env: CaseManagementEnv,
  ) {}

  /** Queues the notification `compose` makes of the change, if it has anywhere to go. */
  async enqueue(manager: EntityManager, ...change: Parameters<NotificationQueue['compose']>): Promise<void> {
    const notification = this.compose(...change);
    if (notification) await this.notifications.enqueue(manager, [notification]);
  }

  /** Several at once, in one statement: a batch's new cases (case.assigner.ts). */
  async enqueueAll(manager: EntityManager, notifications: NewNotification[]): Promise<void> {
    await this.notifications.enqueue(manager, notifications);
  }

  /** The notification of a case change to `recipient`; null when it has nowhere to go. */
  compose(
    c: CaseRecord,
    kind: NotificationKind,
    recipient: NotificationRecipient,
    team: NotifiedTeam | null,
    why: string,
    now = new Date(),
  ): NewNotification | null {
    const link = `${this.env.CASE_LINK_BASE_URL.replace(/\/$/, '')}/${c.id}`;
    const { text, locale } = notificationLanguage(team?.language ?? 'en');
    const timeZone = team?.calendar.timeZone ?? 'UTC';
    const due = (at: Date) => formatDeadline(at, now, timeZone, locale);
    const { subject, lines } = notificationText(text, {
      kind,
      case: c,
      recipientName: recipient.name,
      why,
      firstContactDue: due(c.firstContactDueAt),
      resolutionDue: due(c.resolutionDueAt),
    });
    const body = [...lines, link].join('\n');
    const webhookUrl = team?.webhookUrl ?? null;
    const targets: NewNotification['targets'] = [];
    if (recipient.email) targets.push(['email', recipient.email]);
    const hook = webhookUrl ?? this.env.NOTIFY_WEBHOOK_URL;
    if (hook) targets.push(['webhook', hook]);
    if (targets.length === 0) return null;
    return { caseId: c.id, recipientId: recipient.memberId, kind, subject, body, targets };
  }
}
