import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type CaseOpened, CaseSkipReason, type CaseSkipped, Topics } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { RecoveryMeasurer } from './recovery.measurer';

/** Who was followed up (a case was opened) and who was held out: the two arms of the recovery measurement. */
@Controller()
export class FollowUpConsumer {
  constructor(private readonly measurer: RecoveryMeasurer) {}

  @EventPattern(Topics.CaseOpened.name)
  async opened(@Payload() event: CaseOpened, @Ctx() context: EventContext): Promise<void> {
    if (!event.responseId) return;
    await this.measurer.followedUp(
      {
        responseId: event.responseId,
        group: 'followed-up',
        teamId: event.teamId,
        caseId: event.caseId,
        firstScore: event.score,
      },
      context.unitOfWork,
    );
  }

  @EventPattern(Topics.CaseSkipped.name)
  async skipped(@Payload() event: CaseSkipped, @Ctx() context: EventContext): Promise<void> {
    if (event.reason !== CaseSkipReason.HOLDOUT || !event.responseId) return;
    await this.measurer.followedUp(
      { responseId: event.responseId, group: 'holdout', teamId: event.teamId, caseId: '', firstScore: event.score },
      context.unitOfWork,
    );
  }
}
