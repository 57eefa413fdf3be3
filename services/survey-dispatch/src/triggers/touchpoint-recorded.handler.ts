import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Topics, type TouchpointRecorded } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { SuppressionRepository } from '../suppressions/suppression.repository';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { HeldTriggerRepository } from '../held-triggers/held-trigger.repository';
import type { SurveyTrigger } from './survey-trigger';
import { SurveyTriggerHandler } from './survey-trigger.handler';

/**
 * `touchpoint recorded` → a scheduled survey request or a recorded suppression, in the inbox transaction. A
 * touchpoint of a customer nobody imported yet is also held for UNKNOWN_CUSTOMER_HOLD_MS, in case a CRM import
 * brings them (ADR 0066).
 */
@Controller()
export class TouchpointRecordedHandler {
  constructor(
    private readonly triggers: SurveyTriggerHandler,
    private readonly held: HeldTriggerRepository,
    private readonly suppressions: SuppressionRepository,
    private readonly env: SurveyDispatchEnv,
  ) {}

  @EventPattern(Topics.TouchpointRecorded.name)
  async onTouchpoint(@Payload() event: TouchpointRecorded, @Ctx() context: EventContext): Promise<void> {
    const { manager } = context.unitOfWork;
    const now = new Date();
    const trigger: SurveyTrigger = {
      customerId: event.customerId,
      touchpointId: event.touchpointId || event.eventId,
      touchpointType: event.type || 'unspecified',
      attributes: event.attributes,
      origin: 'touchpoint',
    };
    const outcome = await this.triggers.handle(manager, trigger, now);
    const hold = this.env.UNKNOWN_CUSTOMER_HOLD_MS;
    if (outcome.outcome !== 'suppressed' || outcome.reason !== 'UNKNOWN_CUSTOMER' || hold === 0) return;
    const heldUntil = new Date(now.getTime() + hold);
    await this.held.hold(manager, trigger, now, heldUntil);
    await this.suppressions.markHeld(manager, trigger, heldUntil);
  }
}
