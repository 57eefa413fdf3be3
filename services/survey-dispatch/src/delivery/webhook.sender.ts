import { Injectable } from '@nestjs/common';
import { Channel, channelName, SurveyFailureReason } from '@nps/contracts';
import { OutboundClient } from '@nps/outbound';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { DeliveryError } from './delivery.error';
import { postJson } from './http-channel.sender';
import { SURVEY_COPY } from './survey-copy';
import type { ChannelSender, ContactAddress, SurveyDelivery } from './survey-delivery';

/** A survey for a customer's own system (B2B): POSTed as JSON to the customer's webhook URL, else WEBHOOK_URL. */
@Injectable()
export class WebhookSender implements ChannelSender {
  constructor(
    private readonly env: SurveyDispatchEnv,
    private readonly outbound: OutboundClient,
  ) {}

  async send(delivery: SurveyDelivery, address: ContactAddress): Promise<void> {
    const url = address.webhookUrl ?? this.env.WEBHOOK_URL;
    if (!url)
      throw DeliveryError.permanent(
        SurveyFailureReason.NO_CONTACT_ADDRESS,
        'no webhook URL for the customer and no WEBHOOK_URL',
      );
    await postJson(
      this.outbound,
      url,
      {
        type: delivery.kind === 'reminder' ? 'nps.survey.reminder' : 'nps.survey',
        surveyRequestId: delivery.surveyRequestId,
        customerId: delivery.customerId,
        touchpointId: delivery.touchpointId,
        touchpointType: delivery.touchpointType,
        channel: channelName(Channel.WEBHOOK),
        language: delivery.language,
        question: SURVEY_COPY[delivery.language].question,
        surveyUrl: delivery.surveyUrl,
        scoreUrls: delivery.scoreUrls,
        expiresAt: delivery.expiresAt.toISOString(),
      },
      this.env.DELIVERY_TIMEOUT_MS,
    );
  }
}
