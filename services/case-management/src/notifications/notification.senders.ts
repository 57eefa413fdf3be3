import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { OutboundClient, OutboundPolicy, standardWebhookHeaders } from '@nps/outbound';
import { createTransport, type Transporter } from 'nodemailer';
import { CaseManagementEnv } from '../case-management.env';

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
  /** Team webhook URLs are typed in by team admins: called under the outbound rules (docs/security.md). */
  private readonly outbound: OutboundClient;

  constructor(private readonly env: CaseManagementEnv) {
    this.mail = createTransport(env.SMTP_URL, { from: env.NOTIFY_FROM });
    this.outbound = new OutboundClient(OutboundPolicy.fromEnv(env));
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
    // Refused addresses, redirects and network failures throw an OutboundError whose message names no body.
    const { status } = await this.outbound.post(notification.target, {
      headers: {
        'content-type': 'application/json',
        ...standardWebhookHeaders(this.env.NOTIFY_WEBHOOK_SECRET, id, Math.floor(Date.now() / 1000), body),
      },
      body,
      timeoutMs: 5000,
    });
    if (status < 200 || status >= 300) throw new Error(`webhook answered ${status}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.mail.close();
    await this.outbound.close();
  }
}
