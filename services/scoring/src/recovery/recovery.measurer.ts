import { Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { type ResponseReceived, Topics } from '@nps/contracts';
import type { UnitOfWork } from '@nps/messaging';
import { recoveryMeasured } from './recovery.events';
import { type FollowUp, RecoveryRepository } from './recovery.repository';

/**
 * Measures a detractor's recovery exactly once, when both halves are known: the follow-up (case opened or held out)
 * and the re-survey answer. Either may arrive first (different topics), so both paths try; `RecoveryMeasured` goes
 * through the unit of work of whichever completes it.
 */
@Injectable()
export class RecoveryMeasurer {
  constructor(private readonly recoveries: RecoveryRepository) {}

  /** Called by response scoring for every received answer; only re-survey answers measure anything. */
  async answered(event: ResponseReceived, unitOfWork: UnitOfWork): Promise<void> {
    if (!event.recoveryOfResponseId) return;
    await this.recoveries.recordAnswer(unitOfWork.manager, {
      responseId: event.recoveryOfResponseId,
      recoveryResponseId: event.responseId,
      customerId: event.customerId,
      recoveryScore: event.score,
      answeredAt: event.answeredAt ? timestampDate(event.answeredAt) : new Date(),
    });
    await this.complete(event.recoveryOfResponseId, unitOfWork);
  }

  async followedUp(followUp: FollowUp, unitOfWork: UnitOfWork): Promise<void> {
    await this.recoveries.recordFollowUp(unitOfWork.manager, followUp, new Date());
    await this.complete(followUp.responseId, unitOfWork);
  }

  private async complete(responseId: string, unitOfWork: UnitOfWork): Promise<void> {
    const measurement = await this.recoveries.measure(unitOfWork.manager, responseId, new Date());
    if (measurement) unitOfWork.publish(Topics.RecoveryMeasured, recoveryMeasured(measurement));
  }
}
