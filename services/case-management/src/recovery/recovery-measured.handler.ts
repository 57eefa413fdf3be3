import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { FollowUpGroup, type RecoveryMeasured, Topics } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { CaseRecoveryRepository } from './case-recovery.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The re-survey of a followed-up case: its scores go on the case. Held-out detractors have no case here. */
@Controller()
export class RecoveryMeasuredHandler {
  constructor(private readonly recoveries: CaseRecoveryRepository) {}

  @EventPattern(Topics.RecoveryMeasured.name)
  async measured(@Payload() event: RecoveryMeasured, @Ctx() context: EventContext): Promise<void> {
    if (event.group !== FollowUpGroup.FOLLOWED_UP || !UUID.test(event.caseId)) return;
    await this.recoveries.record(context.unitOfWork.manager, event.caseId, {
      recoveryResponseId: event.recoveryResponseId,
      firstScore: event.firstScore,
      recoveryScore: event.recoveryScore,
      answeredAt: event.answeredAt ? timestampDate(event.answeredAt) : null,
      measuredAt: event.occurredAt ? timestampDate(event.occurredAt) : new Date(),
    });
  }
}
