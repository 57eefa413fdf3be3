import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseManagementEnv } from '../case-management.env';
import type { CaseRecord } from '../cases/case.record';
import { type NewNotification, NotificationRepository } from './notification.repository';

export type NotificationKind = 'assigned' | 'escalated';

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

  async enqueue(
    manager: EntityManager,
    c: CaseRecord,
    kind: NotificationKind,
    recipient: NotificationRecipient,
    webhookUrl: string | null,
    why: string,
  ): Promise<void> {
    const link = `${this.env.CASE_LINK_BASE_URL.replace(/\/$/, '')}/${c.id}`;
    const subject =
      kind === 'assigned'
        ? `New NPS follow-up case (score ${c.score}, ${c.priority})`
        : `Escalated NPS case (score ${c.score}, ${c.priority})`;
    const body = [
      `${recipient.name}, ` +
        `${kind === 'assigned' ? 'a follow-up case was assigned to you' : 'a case was escalated to you'}: ${why}.`,
      `Score ${c.score}${c.comment ? `, comment: "${c.comment}"` : ''}.`,
      `First contact due ${c.firstContactDueAt.toISOString()}, resolution due ${c.resolutionDueAt.toISOString()}.`,
      link,
    ].join('\n');
    const targets: NewNotification['targets'] = [];
    if (recipient.email) targets.push(['email', recipient.email]);
    const hook = webhookUrl ?? this.env.NOTIFY_WEBHOOK_URL;
    if (hook) targets.push(['webhook', hook]);
    if (targets.length === 0) return;
    const recipientId = recipient.memberId;
    await this.notifications.enqueue(manager, { caseId: c.id, recipientId, kind, subject, body, targets });
  }
}
