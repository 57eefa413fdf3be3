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
    await this.complete(new Map([[event.recoveryOfResponseId, unitOfWork]]), new Date());
  }

  /**
   * Records follow-ups (a batch's, in one transaction) and measures the responses they complete. A measurement goes
   * through the unit of work of its response's first follow-up.
   */
  async followedUp(followUps: readonly { followUp: FollowUp; unitOfWork: UnitOfWork }[]): Promise<void> {
    if (followUps.length === 0) return;
    const { manager } = followUps[0].unitOfWork;
    const now = new Date();
    await this.recoveries.recordFollowUps(
      manager,
      followUps.map(({ followUp }) => followUp),
      now,
    );
    const unitOfWorkOf = new Map<string, UnitOfWork>();
    for (const { followUp, unitOfWork } of followUps)
      if (!unitOfWorkOf.has(followUp.responseId)) unitOfWorkOf.set(followUp.responseId, unitOfWork);
    await this.complete(unitOfWorkOf, now);
  }

  /** Measures the responses the map names; each measurement is published through its response's unit of work. */
  private async complete(unitOfWorkOf: ReadonlyMap<string, UnitOfWork>, at: Date): Promise<void> {
    const [{ manager }] = unitOfWorkOf.values();
    for (const measurement of await this.recoveries.measure(manager, [...unitOfWorkOf.keys()], at))
      unitOfWorkOf.get(measurement.responseId)?.publish(Topics.RecoveryMeasured, recoveryMeasured(measurement));
  }
}
