import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type CaseOpened, CaseSkipReason, type CaseSkipped, Topics } from '@nps/contracts';
import { EventContext, type UnitOfWork } from '@nps/messaging';
import { CustomerRepository } from '../customers/customer.repository';
import { RecoveryMeasurer } from './recovery.measurer';
import type { FollowUp } from './recovery.repository';

/** Who was followed up (a case was opened) and who was held out: the two arms of the recovery measurement. */
@Controller()
export class FollowUpConsumer {
  constructor(
    private readonly measurer: RecoveryMeasurer,
    private readonly customers: CustomerRepository,
  ) {}

  @EventPattern(Topics.CaseOpened.name)
  async opened(@Payload() event: CaseOpened, @Ctx() context: EventContext): Promise<void> {
    if (!event.responseId) return;
    await this.followedUp(
      event.customerId,
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
    await this.followedUp(
      event.customerId,
      { responseId: event.responseId, group: 'holdout', teamId: event.teamId, caseId: '', firstScore: event.score },
      context.unitOfWork,
    );
  }

  /**
   * The customer's lock first, as response scoring takes it: the re-survey answer, applied at the
   * same moment on another instance, would otherwise miss this follow-up and this one its answer (ADR 0048).
   */
  private async followedUp(customerId: string, followUp: FollowUp, unitOfWork: UnitOfWork): Promise<void> {
    await this.customers.lock(unitOfWork.manager, customerId);
    await this.measurer.followedUp(followUp, unitOfWork);
  }
}
