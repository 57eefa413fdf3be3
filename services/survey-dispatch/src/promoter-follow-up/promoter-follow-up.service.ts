import { Injectable, Logger } from '@nestjs/common';
import { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { PromoterAction, PromoterDelivery, Topics, type ResponseScored } from '@nps/contracts';
import type { UnitOfWork } from '@nps/messaging';
import { CustomerRepository } from '../customers/customer.repository';
import { DeliveryError } from '../delivery/delivery.error';
import { PromoterFollowUpPolicy } from './promoter-follow-up.decision';
import { PromoterFollowUpRepository } from './promoter-follow-up.repository';
import { PromoterFollowUpSender } from './promoter-follow-up.sender';

/**
 * A promoter answer → the configured action, at most once per response (docs/adr/0032): decide, claim the response
 * in promoter_follow_ups, deliver, and publish PromoterFollowedUp in the same transaction. A transient delivery
 * failure throws, so the claim rolls back and the consumer retries; a permanent one is kept as failed.
 */
@Injectable()
export class PromoterFollowUpService {
  private readonly logger = new Logger(PromoterFollowUpService.name);

  constructor(
    private readonly policy: PromoterFollowUpPolicy,
    private readonly followUps: PromoterFollowUpRepository,
    private readonly customers: CustomerRepository,
    private readonly sender: PromoterFollowUpSender,
  ) {}

  async handle(scored: ResponseScored, unitOfWork: UnitOfWork, now = new Date()): Promise<void> {
    if (!PromoterFollowUpPolicy.concerns(scored)) return;
    const { manager } = unitOfWork;
    const answeredAt = scored.answeredAt ? timestampDate(scored.answeredAt) : now;
    const customer = await this.customers.find(manager, scored.customerId);
    const decision = this.policy.decide(
      {
        category: scored.category,
        source: scored.source,
        answeredAt,
        followUpRequested: scored.followUpRequested,
        recoveryOfResponseId: scored.recoveryOfResponseId,
      },
      customer
        ? { optedOut: customer.optedOut, optedOutChannels: customer.optedOutChannels, hasEmail: !!customer.email }
        : undefined,
      now,
    );
    const act = decision.outcome === 'act' ? decision : undefined;
    const claimed = await this.followUps.claim(manager, {
      responseId: scored.responseId,
      customerId: scored.customerId,
      revision: scored.revision,
      score: scored.score,
      status: act ? 'done' : 'skipped',
      action: act?.action ?? PromoterAction.UNSPECIFIED,
      delivery: act?.delivery ?? PromoterDelivery.UNSPECIFIED,
      reason: decision.outcome === 'skip' ? decision.reason : null,
      detail: decision.outcome === 'skip' ? decision.detail : '',
      target: '',
      decidedAt: now,
    });
    if (!claimed || !act || !customer) return;
    const followUp = { ...act, responseId: scored.responseId, customerId: scored.customerId, score: scored.score };
    let target: string;
    try {
      target = await this.sender.send({ ...followUp, answeredAt }, customer);
    } catch (error) {
      if (!(error instanceof DeliveryError) || error.transient) throw error;
      this.logger.warn({
        msg: 'promoter follow-up refused for good',
        responseId: scored.responseId,
        error: error.message,
      });
      await this.followUps.markFailed(manager, scored.responseId, 'DELIVERY_REFUSED', error.message);
      return;
    }
    await this.followUps.setTarget(manager, scored.responseId, target);
    unitOfWork.publish(Topics.PromoterFollowedUp, { ...followUp, occurredAt: timestampFromDate(now), target });
  }
}
