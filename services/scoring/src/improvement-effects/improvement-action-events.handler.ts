import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import {
  type ImprovementActionClosed,
  type ImprovementActionOpened,
  type ImprovementActionReleased,
  Topics,
} from '@nps/contracts';
import { EventContext, RejectedEventError } from '@nps/messaging';
import { ImprovementActionRepository } from './improvement-action.repository';

/** Keeps the improvement actions whose effect the API measures (ADR 0033). */
@Controller()
export class ImprovementActionEventsHandler {
  constructor(private readonly actions: ImprovementActionRepository) {}

  @EventPattern(Topics.ImprovementActionOpened.name)
  async opened(@Payload() event: ImprovementActionOpened, @Ctx() context: EventContext): Promise<void> {
    if (!event.rootCauseTagId) throw new RejectedEventError('ImprovementActionOpened without root_cause_tag_id');
    await this.actions.opened(
      context.unitOfWork.manager,
      {
        id: event.improvementActionId,
        title: event.title,
        rootCauseTagId: event.rootCauseTagId,
        touchpointType: event.touchpointType || null,
        segment: event.segment || null,
      },
      event.occurredAt ? timestampDate(event.occurredAt) : new Date(),
    );
  }

  @EventPattern(Topics.ImprovementActionReleased.name)
  async released(@Payload() event: ImprovementActionReleased, @Ctx() context: EventContext): Promise<void> {
    // Without the moment the fix went live there is nothing to measure around: the DLQ keeps it with this reason.
    if (!event.releasedAt) throw new RejectedEventError('ImprovementActionReleased without released_at');
    await this.actions.released(context.unitOfWork.manager, event.improvementActionId, timestampDate(event.releasedAt));
  }

  @EventPattern(Topics.ImprovementActionClosed.name)
  async closed(@Payload() event: ImprovementActionClosed, @Ctx() context: EventContext): Promise<void> {
    const closedAt = event.occurredAt ? timestampDate(event.occurredAt) : new Date();
    await this.actions.closed(context.unitOfWork.manager, event.improvementActionId, closedAt);
  }
}
