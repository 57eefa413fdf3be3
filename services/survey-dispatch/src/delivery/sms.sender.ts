import { Injectable } from '@nestjs/common';
import { SurveyFailureReason } from '@nps/contracts';
import { OutboundClient } from '@nps/outbound';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { DeliveryError } from './delivery.error';
import { postJson } from './http-channel.sender';
import { SURVEY_COPY } from './survey-copy';
import type { ChannelSender, ContactAddress, SurveyDelivery } from './survey-delivery';

/**
 * SMS through an HTTP gateway (SMS_GATEWAY_URL): `{to, text, surveyRequestId, kind, messageRef}`.
 * The gateway hands `messageRef` (the link token) back with the customer's reply, which is how
 * response-ingestion matches a reply without knowing phone numbers.
 */
@Injectable()
export class SmsSender implements ChannelSender {
  constructor(
    private readonly env: SurveyDispatchEnv,
    private readonly outbound: OutboundClient,
  ) {}

  async send(delivery: SurveyDelivery, address: ContactAddress): Promise<void> {
    if (!address.phone)
      throw DeliveryError.permanent(SurveyFailureReason.NO_CONTACT_ADDRESS, 'the customer has no phone number');
    if (!this.env.SMS_GATEWAY_URL)
      throw DeliveryError.permanent(
        SurveyFailureReason.NO_CONTACT_ADDRESS,
        'no SMS gateway is configured (SMS_GATEWAY_URL)',
      );
    await postJson(
      this.outbound,
      this.env.SMS_GATEWAY_URL,
      {
        to: address.phone,
        text: SURVEY_COPY[delivery.language].sms(delivery.surveyUrl),
        surveyRequestId: delivery.surveyRequestId,
        kind: delivery.kind,
        messageRef: delivery.token,
      },
      this.env.DELIVERY_TIMEOUT_MS,
    );
  }
}
