import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { SurveyFailureReason } from '@nps/contracts';
import { createTransport, type Transporter } from 'nodemailer';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { DeliveryError } from './delivery.error';
import { renderSurveyEmail, type RenderedEmail } from './survey-email.template';
import type { ChannelSender, ContactAddress, SurveyDelivery } from './survey-delivery';

/** Network errors nodemailer reports with a code and no SMTP reply: the server may answer next time. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPROTOCOL',
  'ETLS',
]);

/** Email over SMTP (SMTP_URL) with nodemailer: an HTML part with the 0-10 links and a plain-text part. */
@Injectable()
export class EmailSender implements ChannelSender, OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly env: SurveyDispatchEnv) {
    const timeout = env.DELIVERY_TIMEOUT_MS;
    // Pooled: one SMTP session carries many surveys instead of a connect and handshake per email.
    this.transport = createTransport({
      url: env.SMTP_URL,
      pool: true,
      maxConnections: env.SEND_CONCURRENCY,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as Parameters<typeof createTransport>[0]);
  }

  async send(delivery: SurveyDelivery, address: ContactAddress): Promise<void> {
    if (!address.email)
      throw DeliveryError.permanent(SurveyFailureReason.NO_CONTACT_ADDRESS, 'the customer has no email address');
    await this.sendRendered(address.name, address.email, renderSurveyEmail(delivery, address), {
      'X-Survey-Request-Id': delivery.surveyRequestId,
      // RFC 2369 + RFC 8058: the mail client offers "unsubscribe" and POSTs List-Unsubscribe=One-Click there.
      'List-Unsubscribe': `<${delivery.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  }

  /** Sends an already rendered email (a survey, a promoter thank-you); throws DeliveryError when it was not taken. */
  async sendRendered(name: string, email: string, rendered: RenderedEmail, headers: Record<string, string>) {
    try {
      await this.transport.sendMail({
        from: this.env.SMTP_FROM,
        to: name ? { name, address: email } : email,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers,
      });
    } catch (error) {
      throw smtpFailure(error as Error & { code?: string; responseCode?: number; response?: string });
    }
  }

  // After the scheduler stopped (beforeApplicationShutdown), so no send in flight loses its transport.
  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** Sorts an SMTP failure into transient (retry) or permanent, with a detail free of addresses. */
export function smtpFailure(error: Error & { code?: string; responseCode?: number; response?: string }): DeliveryError {
  // The SMTP reply can quote the recipient: keep the code and the server's words, never the address.
  const reply = error.responseCode ? `SMTP ${error.responseCode}` : (error.code ?? error.name);
  const detail = `${reply}: ${redact(error.response ?? error.message)}`;
  if (error.responseCode === undefined) {
    return TRANSIENT_CODES.has(error.code ?? '') || !error.code
      ? DeliveryError.transient(detail)
      : DeliveryError.permanent(SurveyFailureReason.REJECTED_BY_PROVIDER, detail);
  }
  if (error.responseCode >= 400 && error.responseCode < 500) return DeliveryError.transient(detail);
  if ([501, 550, 553].includes(error.responseCode) && error.code === 'EENVELOPE')
    return DeliveryError.permanent(SurveyFailureReason.INVALID_ADDRESS, detail);
  return DeliveryError.permanent(SurveyFailureReason.REJECTED_BY_PROVIDER, detail);
}

/** Replaces anything that looks like an email address, so failure details can be published. */
export function redact(text: string): string {
  return text.replace(/[^\s<>@"']+@[^\s<>@"']+/g, '<address>').slice(0, 500);
}
