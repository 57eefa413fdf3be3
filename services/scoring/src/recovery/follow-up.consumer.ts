import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type CaseOpened, CaseSkipReason, type CaseSkipped, Topics } from '@nps/contracts';
import { BATCH_HANDLER, type EventBatch, type UnitOfWork } from '@nps/messaging';
import { CustomerRepository } from '../customers/customer.repository';
import { RecoveryMeasurer } from './recovery.measurer';
import type { FollowUp } from './recovery.repository';

/** One event's follow-up, with the customer whose lock it needs and the unit of work it belongs to. */
interface CustomerFollowUp {
  customerId: string;
  followUp: FollowUp;
  unitOfWork: UnitOfWork;
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
      batch.flatMap(({ event, context }) =>
        event.responseId
          ? [
              {
                customerId: event.customerId,
                followUp: {
                  responseId: event.responseId,
                  group: 'followed-up' as const,
                  teamId: event.teamId,
                  caseId: event.caseId,
                  firstScore: event.score,
                },
                unitOfWork: context.unitOfWork,
              },
            ]
          : [],
      ),
    );
  }

  @EventPattern(Topics.CaseSkipped.name, BATCH_HANDLER)
  async skipped(@Payload() batch: EventBatch<CaseSkipped>): Promise<void> {
    await this.followedUp(
      batch.flatMap(({ event, context }) =>
        event.reason === CaseSkipReason.HOLDOUT && event.responseId
          ? [
              {
                customerId: event.customerId,
                followUp: {
                  responseId: event.responseId,
                  group: 'holdout' as const,
                  teamId: event.teamId,
                  caseId: '',
                  firstScore: event.score,
                },
                unitOfWork: context.unitOfWork,
              },
            ]
          : [],
      ),
    );
  }

  /**
   * The customers' locks first, as response scoring takes them: the re-survey answer, applied at the
   * same moment on another instance, would otherwise miss this follow-up and this one its answer (ADR 0048).
   */
  private async followedUp(followUps: CustomerFollowUp[]): Promise<void> {
    if (followUps.length === 0) return;
    await this.customers.lockAll(
      followUps[0].unitOfWork.manager,
      followUps.map(({ customerId }) => customerId),
    );
    await this.measurer.followedUp(followUps);
  }
}
