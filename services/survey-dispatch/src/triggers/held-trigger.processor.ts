import { Injectable, Logger } from '@nestjs/common';
import { EventTransactions } from '@nps/messaging';
import { SuppressionRepository } from '../suppressions/suppression.repository';
import { HeldTriggerRepository } from '../held-triggers/held-trigger.repository';
import type { SurveyTrigger } from './survey-trigger';
import { SurveyTriggerHandler } from './survey-trigger.handler';

/**
 * Works off one held touchpoint (ADR 0066) in one transaction: when its customer has been imported, the
 * contact policy decides it now, as if it had just arrived; when its hold ended first, its UNKNOWN_CUSTOMER
 * suppression stays the last word.
 */
@Injectable()
export class HeldTriggerProcessor {
  private readonly logger = new Logger(HeldTriggerProcessor.name);

  constructor(
    private readonly transactions: EventTransactions,
    private readonly held: HeldTriggerRepository,
    private readonly suppressions: SuppressionRepository,
    private readonly triggers: SurveyTriggerHandler,
  ) {}

  /** Releases or drops one ready held touchpoint; false when none is ready. */
  async processNext(now = new Date()): Promise<boolean> {
    return this.transactions.run(async ({ manager }) => {
      const ready = await this.held.claimReady(manager, now);
      if (!ready) return false;
      const { touchpoint, customerKnown } = ready;
      await this.held.end(manager, touchpoint);
      if (!customerKnown) return true;
      const trigger: SurveyTrigger = { ...touchpoint, origin: 'touchpoint' };
      await this.suppressions.forgetUnknownCustomer(manager, trigger);
      const outcome = await this.triggers.handle(manager, trigger, now);
      this.logger.log({
        msg: `held touchpoint released: ${outcome.outcome}`,
        customerId: trigger.customerId,
        touchpointType: trigger.touchpointType,
        touchpointId: trigger.touchpointId,
      });
      return true;
    });
  }
}
