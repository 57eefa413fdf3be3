import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Channel, OptOutSource, Topics, type ContactOptedOut } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { CustomerOptOutRepository } from './customer-opt-out.repository';

/**
 * A customer's own opt-out (unsubscribe link, SMS STOP) joins the contact policy: later touchpoints are
 * suppressed, and surveys still waiting to go out or to be reminded are withdrawn (ADR 0034).
 */
@Controller()
export class ContactOptedOutHandler {
  private readonly logger = new Logger(ContactOptedOutHandler.name);

  constructor(
    private readonly optOuts: CustomerOptOutRepository,
    private readonly requests: SurveyRequestRepository,
  ) {}

  @EventPattern(Topics.ContactOptedOut.name)
  async onOptedOut(@Payload() event: ContactOptedOut, @Ctx() context: EventContext): Promise<void> {
    if (!event.customerId) throw new Error('customer_id: missing');
    const manager = context.unitOfWork.manager;
    const now = new Date();
    const channel = Channel[event.channel] === undefined ? Channel.UNSPECIFIED : event.channel;
    await this.requests.lockCustomer(manager, event.customerId);
    const recorded = await this.optOuts.record(manager, {
      customerId: event.customerId,
      channel,
      source: OptOutSource[event.source] === undefined ? OptOutSource.UNSPECIFIED : event.source,
      surveyRequestId: event.surveyRequestId,
      optedOutAt: event.occurredAt ? timestampDate(event.occurredAt) : now,
    });
    const withdrawn = await this.requests.withdrawFor(manager, [event.customerId], channel, now);
    this.logger.log({
      msg: recorded ? 'customer opted out' : 'customer opted out again',
      customerId: event.customerId,
      channel: Channel[channel],
      source: OptOutSource[event.source],
      withdrawn,
    });
  }
}
