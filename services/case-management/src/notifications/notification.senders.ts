import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { CaseManagementEnv } from '../case-management.env';
import { webhookHeaders } from './webhook.signature';

export interface PendingNotification {
  id: number;
  caseId: string;
  recipientId: string;
  channel: 'email' | 'webhook';
  target: string;
  kind: string;
  subject: string;
  body: string;
}

/** Delivers one notification over its channel; throws with the reason when it did not arrive. */
@Injectable()
export class NotificationSenders implements OnApplicationShutdown {
  private readonly mail: Transporter;

  constructor(private readonly env: CaseManagementEnv) {
    this.mail = createTransport(env.SMTP_URL, { from: env.NOTIFY_FROM });
  }

  async send(notification: PendingNotification): Promise<void> {
    if (notification.channel === 'email') return this.email(notification);
    return this.webhook(notification);
  }

  private async email(notification: PendingNotification): Promise<void> {
    await this.mail.sendMail({
      to: notification.target,
      subject: notification.subject,
      text: notification.body,
      headers: { 'X-NPS-Case-Id': notification.caseId },
    });
  }

  /** A Slack-compatible message (`text`) plus the case facts, signed per Standard Webhooks. */
  private async webhook(notification: PendingNotification): Promise<void> {
    const body = JSON.stringify({
      text: `${notification.subject}\n${notification.body}`,
      case_id: notification.caseId,
      kind: notification.kind,
      owner_id: notification.recipientId,
    });
    // The same id on every retry, so the receiver can drop a second delivery.
    const id = `msg_case_notification_${notification.id}`;
    const response = await fetch(notification.target, {
      method: 'POST',
      headers: webhookHeaders(this.env.NOTIFY_WEBHOOK_SECRET, id, Math.floor(Date.now() / 1000), body),
      body,
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }

  onApplicationShutdown(): void {
    this.mail.close();
  }
}
