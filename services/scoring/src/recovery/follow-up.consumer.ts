import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type CaseOpened, CaseSkipReason, type CaseSkipped, Topics } from '@nps/contracts';
import { BATCH_HANDLER, type EventBatch } from '@nps/messaging';
import { CustomerRepository } from '../customers/customer.repository';
import type { FollowUpGroupName } from './recovery.calculator';
import { RecoveryMeasurer } from './recovery.measurer';

/** What `case opened` and `case skipped` have in common. */
interface CaseDecision {
  customerId: string;
  responseId: string;
  teamId: string;
  score: number;
}

/**
 * Who was followed up (a case was opened) and who was held out: the two arms of the recovery measurement.
 * Batch handlers: a batch's customers are locked, its follow-ups written and its measurements made in one
 * statement each.
 */
@Controller()
export class FollowUpConsumer {
  constructor(
    private readonly measurer: RecoveryMeasurer,
    private readonly customers: CustomerRepository,
  ) {}

  @EventPattern(Topics.CaseOpened.name, BATCH_HANDLER)
  async opened(@Payload() batch: EventBatch<CaseOpened>): Promise<void> {
    await this.followedUp(
      batch.filter(({ event }) => event.responseId),
      'followed-up',
      (event) => event.caseId,
    );
  }

  @EventPattern(Topics.CaseSkipped.name, BATCH_HANDLER)
  async skipped(@Payload() batch: EventBatch<CaseSkipped>): Promise<void> {
    await this.followedUp(
      batch.filter(({ event }) => event.reason === CaseSkipReason.HOLDOUT && event.responseId),
      'holdout',
      () => '',
    );
  }

  /**
   * The customers' locks first, as response scoring takes them: the re-survey answer, applied at the
   * same moment on another instance, would otherwise miss this follow-up and this one its answer (ADR 0048).
   */
  private async followedUp<E extends CaseDecision>(
    batch: EventBatch<E>,
    group: FollowUpGroupName,
    caseIdOf: (event: E) => string,
  ): Promise<void> {
    if (batch.length === 0) return;
    await this.customers.lockAll(
      batch[0].context.unitOfWork.manager,
      batch.map(({ event }) => event.customerId),
    );
    await this.measurer.followedUp(
      batch.map(({ event, context }) => ({
        followUp: {
          responseId: event.responseId,
          group,
          teamId: event.teamId,
          caseId: caseIdOf(event),
          firstScore: event.score,
        },
        unitOfWork: context.unitOfWork,
      })),
    );
  }
}
