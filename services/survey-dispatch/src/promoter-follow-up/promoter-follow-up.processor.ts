import { Injectable, Logger } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import { EventTransactions, type UnitOfWork } from '@nps/messaging';
import { CustomerRepository } from '../customers/customer.repository';
import { DeliveryError } from '../delivery/delivery.error';
import { CustomerOptOutRepository } from '../opt-outs/customer-opt-out.repository';
import { PromoterFollowUpPolicy } from './promoter-follow-up.decision';
import { PromoterFollowUpRepository, type DuePromoterFollowUp } from './promoter-follow-up.repository';
import { PromoterRetryPolicy } from './promoter-follow-up.retry';
import { PromoterFollowUpSender } from './promoter-follow-up.sender';
import { contactOf } from './promoter-follow-up.service';

/**
 * Delivers one due promoter follow-up in one transaction, like DueSurveyProcessor: the row stays locked while the
 * provider is called (other pollers skip it), and 'done' commits together with PromoterFollowedUp. A transient
 * failure leaves it pending for a later attempt; a permanent refusal marks it failed.
 */
@Injectable()
export class PromoterFollowUpProcessor {
  private readonly logger = new Logger(PromoterFollowUpProcessor.name);

  constructor(
    private readonly transactions: EventTransactions,
    private readonly followUps: PromoterFollowUpRepository,
    private readonly customers: CustomerRepository,
    private readonly sender: PromoterFollowUpSender,
    private readonly retries: PromoterRetryPolicy,
    private readonly optOuts: CustomerOptOutRepository,
  ) {}

  /** Works off one due follow-up; false when none is due. */
  async processNext(now = new Date()): Promise<boolean> {
    return this.transactions.run(async (unitOfWork) => {
      const due = await this.followUps.claimDue(unitOfWork.manager, now);
      if (!due) return false;
      await this.deliver(due, unitOfWork, now);
      return true;
    });
  }

  private async deliver(due: DuePromoterFollowUp, unitOfWork: UnitOfWork, now: Date): Promise<void> {
    const { manager } = unitOfWork;
    const customer = await this.customers.find(manager, due.customerId);
    const contact = contactOf(customer, await this.optOuts.listFor(manager, due.customerId));
    const refusal = PromoterFollowUpPolicy.contactRefusal(due.delivery, contact);
    if (refusal?.outcome === 'skip' || !customer) {
      const { reason, detail } = refusal?.outcome === 'skip' ? refusal : { reason: 'UNKNOWN_CUSTOMER', detail: '' };
      const when =
        !customer && due.heldUntil
          ? `(no CRM import brought the customer by ${due.heldUntil.toISOString()})`
          : '(before delivery)';
      await this.followUps.markSkipped(manager, due.responseId, reason, `${detail} ${when}`);
      return;
    }
    let target: string;
    try {
      target = await this.sender.send(due, customer);
    } catch (error) {
      await this.failed(due, error, unitOfWork, now);
      return;
    }
    await this.followUps.markDone(manager, due.responseId, target, now);
    const { responseId, customerId, score, action, delivery } = due;
    unitOfWork.publish(Topics.PromoterFollowedUp, {
      responseId,
      customerId,
      score,
      action,
      delivery,
      target,
      occurredAt: timestampFromDate(now),
    });
  }

  private async failed(due: DuePromoterFollowUp, error: unknown, unitOfWork: UnitOfWork, now: Date): Promise<void> {
    const { manager } = unitOfWork;
    if (error instanceof DeliveryError && !error.transient) {
      this.logger.warn({
        msg: 'promoter follow-up refused for good',
        responseId: due.responseId,
        error: error.message,
      });
      await this.followUps.markFailed(manager, due.responseId, 'DELIVERY_REFUSED', error.message);
      return;
    }
    // A bug must not roll the claim back (the row would block every poller): it backs off, then gives up.
    const internal = !(error instanceof DeliveryError);
    const message = internal ? `internal error: ${(error as Error).message ?? String(error)}` : error.message;
    if (internal)
      this.logger.error({
        msg: 'unexpected error while delivering a promoter follow-up',
        error: (error as Error).stack ?? String(error),
      });
    const next = this.retries.afterFailure(due.attempts, internal ? 'internal' : 'outage', now);
    this.logger.warn({
      msg: `promoter follow-up attempt failed: ${next.outcome}`,
      responseId: due.responseId,
      attempts: next.attempts,
      error: message,
    });
    if (next.outcome === 'give-up') {
      await this.followUps.markFailed(manager, due.responseId, 'INTERNAL_ERROR', message);
      return;
    }
    await this.followUps.retryLater(manager, due.responseId, next.attempts, next.nextAttemptAt, message);
  }
}
