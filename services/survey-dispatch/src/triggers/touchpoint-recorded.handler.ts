import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Topics, type TouchpointRecorded } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { SurveyTriggerHandler } from './survey-trigger.handler';

/** `touchpoint recorded` → a scheduled survey request or a recorded suppression, in the inbox transaction. */
@Controller()
export class TouchpointRecordedHandler {
  constructor(private readonly triggers: SurveyTriggerHandler) {}

  @EventPattern(Topics.TouchpointRecorded.name)
  async onTouchpoint(@Payload() event: TouchpointRecorded, @Ctx() context: EventContext): Promise<void> {
    await this.triggers.handle(context.unitOfWork.manager, {
      customerId: event.customerId,
      touchpointId: event.touchpointId || event.eventId,
      touchpointType: event.type || 'unspecified',
      attributes: event.attributes,
      origin: 'touchpoint',
    });
  }
}
