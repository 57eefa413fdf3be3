import { Injectable, Logger } from '@nestjs/common';
import { EventTransactions } from '@nps/messaging';
import { RECOVERY_TOUCHPOINT_TYPE } from './recovery-contact.rules';
import { RecoverySurveyRepository } from './recovery-survey.repository';
import { RecoveryTriggerHandler } from './recovery-trigger.handler';

/**
 * Turns one due recovery re-survey into a survey request (or a recorded suppression) in one
 * transaction. The contact policy decides now, at the end of the delay, so an opt-out given
 * during the wait holds; the request is then sent by the ordinary scheduler.
 */
@Injectable()
export class RecoverySurveyProcessor {
  private readonly logger = new Logger(RecoverySurveyProcessor.name);

  constructor(
    private readonly transactions: EventTransactions,
    private readonly recoveries: RecoverySurveyRepository,
    private readonly triggers: RecoveryTriggerHandler,
  ) {}

  /** Decides one due re-survey; false when none is due. */
  async processNext(now = new Date()): Promise<boolean> {
    return this.transactions.run(async ({ manager }) => {
      const due = await this.recoveries.claimDue(manager, now);
      if (!due) return false;
      const outcome = await this.triggers.handle(
        manager,
        {
          customerId: due.customerId,
          // One re-survey per detractor response: the touchpoint is the response it follows up.
          touchpointId: due.responseId,
          touchpointType: RECOVERY_TOUCHPOINT_TYPE,
          attributes: { group: due.group },
          origin: 'recovery',
          recoveryOfResponseId: due.responseId,
        },
        now,
      );
      await this.recoveries.decided(manager, due.responseId, outcome, now);
      this.logger.log({ msg: `recovery re-survey ${outcome.outcome}`, responseId: due.responseId, group: due.group });
      return true;
    });
  }
}
