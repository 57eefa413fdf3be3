import { Injectable } from '@nestjs/common';
import { PromoterAction, PromoterDelivery } from '@nps/contracts';
import { OutboundClient, standardWebhookHeaders } from '@nps/outbound';
import type { SurveyLanguage } from '@nps/survey-links';
import type { CustomerRecord } from '../customers/customer.record';
import { EmailSender } from '../delivery/email.sender';
import { postJson } from '../delivery/http-channel.sender';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { promoterTemplateId, renderPromoterEmail } from './promoter-email.template';
import type { PromoterActionName } from './promoter-follow-up.decision';

/** The promoter answer being followed up, as the sender needs it. */
export interface PromoterFollowUp {
  responseId: string;
  customerId: string;
  score: number;
  answeredAt: Date;
  action: PromoterAction;
  delivery: PromoterDelivery;
}

const ACTION_NAMES: Record<PromoterAction, Exclude<PromoterActionName, 'none'>> = {
  [PromoterAction.UNSPECIFIED]: 'thank-you',
  [PromoterAction.THANK_YOU]: 'thank-you',
  [PromoterAction.REFERRAL_INVITATION]: 'referral',
  [PromoterAction.REVIEW_INVITATION]: 'review',
};

/**
 * Carries out a promoter action: an email through the survey email delivery, or a Standard-Webhooks-signed POST to
 * PROMOTER_WEBHOOK_URL through the outbound rules. Throws DeliveryError like the survey senders; resolves with the
 * target PromoterFollowedUp names (template id or webhook host).
 */
@Injectable()
export class PromoterFollowUpSender {
  constructor(
    private readonly env: SurveyDispatchEnv,
    private readonly email: EmailSender,
    private readonly outbound: OutboundClient,
  ) {}

  async send(followUp: PromoterFollowUp, customer: CustomerRecord): Promise<string> {
    const action = ACTION_NAMES[followUp.action];
    const language: SurveyLanguage = customer.language;
    if (followUp.delivery === PromoterDelivery.WEBHOOK) return this.post(followUp, action, language);
    const rendered = renderPromoterEmail(action, language, customer.name, this.linkOf(action));
    // The decision only lets customers with an address through.
    await this.email.sendRendered(customer.name, customer.email ?? '', rendered, {
      'X-Response-Id': followUp.responseId,
    });
    return promoterTemplateId(action, language);
  }

  private async post(followUp: PromoterFollowUp, action: string, language: SurveyLanguage): Promise<string> {
    const url = this.env.PROMOTER_WEBHOOK_URL ?? '';
    const secret = this.env.PROMOTER_WEBHOOK_SECRET ?? '';
    const body = {
      type: 'nps.promoter.follow-up',
      responseId: followUp.responseId,
      customerId: followUp.customerId,
      action,
      score: followUp.score,
      language,
      answeredAt: followUp.answeredAt.toISOString(),
      link: action === 'thank-you' ? null : this.linkOf(action),
    };
    // The response id is the webhook id: a retried delivery is recognisably the same one.
    const timestamp = Math.floor(Date.now() / 1000);
    await postJson(this.outbound, url, body, this.env.DELIVERY_TIMEOUT_MS, (json) =>
      standardWebhookHeaders(secret, followUp.responseId, timestamp, json),
    );
    return `webhook:${new URL(url).host}`;
  }

  private linkOf(action: string): string {
    return action === 'review' ? this.env.PROMOTER_REVIEW_URL : this.env.PROMOTER_REFERRAL_URL;
  }
}
