import { Injectable } from '@nestjs/common';
import { Channel, SurveyFailureReason } from '@nps/contracts';
import { DeliveryError } from './delivery.error';
import { EmailSender } from './email.sender';
import { SmsSender } from './sms.sender';
import type { ChannelSender } from './survey-delivery';
import { WebhookSender } from './webhook.sender';

/** The sender of each delivery channel. */
@Injectable()
export class ChannelSenders {
  private readonly senders: ReadonlyMap<Channel, ChannelSender>;

  constructor(email: EmailSender, sms: SmsSender, webhook: WebhookSender) {
    this.senders = new Map<Channel, ChannelSender>([
      [Channel.EMAIL, email],
      [Channel.SMS, sms],
      [Channel.WEBHOOK, webhook],
    ]);
  }

  of(channel: Channel): ChannelSender {
    const sender = this.senders.get(channel);
    if (!sender)
      throw DeliveryError.permanent(
        SurveyFailureReason.NO_CONTACT_ADDRESS,
        `surveys cannot be delivered through ${Channel[channel]}`,
      );
    return sender;
  }
}
