import { Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { PromoterAction, PromoterDelivery, type ResponseScored } from '@nps/contracts';
import type { UnitOfWork } from '@nps/messaging';
import type { OwnOptOut } from '../contact-policy/contact-policy.decision';
import type { CustomerRecord } from '../customers/customer.record';
import { CustomerRepository } from '../customers/customer.repository';
import { CustomerOptOutRepository } from '../opt-outs/customer-opt-out.repository';
import { PromoterFollowUpPolicy, type PromoterContact } from './promoter-follow-up.decision';
import { PromoterFollowUpRepository } from './promoter-follow-up.repository';

/**
 * A promoter answer → the configured action, at most once per response (docs/adr/0032). In the consumer's
 * transaction it only decides and claims the response in promoter_follow_ups: 'pending' for the poller
 * (PromoterFollowUpProcessor) to deliver (held until a CRM import brings an unknown customer, ADR 0070), or 'skipped'
 * with the reason. No provider is called here, so an outage of
 * the mail server or webhook target never fails, retries or dead-letters the ResponseScored record.
 */
@Injectable()
export class PromoterFollowUpService {
  constructor(
    private readonly policy: PromoterFollowUpPolicy,
    private readonly followUps: PromoterFollowUpRepository,
    private readonly customers: CustomerRepository,
    private readonly optOuts: CustomerOptOutRepository,
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
      contactOf(customer, await this.optOuts.listFor(manager, scored.customerId)),
      now,
    );
    const act = decision.outcome === 'skip' ? undefined : decision;
    const held = decision.outcome === 'hold' ? decision.until : null;
    await this.followUps.claim(manager, {
      responseId: scored.responseId,
      customerId: scored.customerId,
      revision: scored.revision,
      score: scored.score,
      status: act ? 'pending' : 'skipped',
      action: act?.action ?? PromoterAction.UNSPECIFIED,
      delivery: act?.delivery ?? PromoterDelivery.UNSPECIFIED,
      reason: decision.outcome === 'skip' ? decision.reason : null,
      detail: decision.outcome === 'act' ? '' : decision.detail,
      answeredAt,
      decidedAt: now,
      heldUntil: held,
    });
  }
}

/** What the contact policy reads of a customer record, with the customer's own opt-outs (ADR 0034). */
export function contactOf(
  customer: CustomerRecord | null | undefined,
  ownOptOuts: readonly OwnOptOut[],
): PromoterContact | undefined {
  if (!customer) return undefined;
  const { optedOut, optedOutChannels, email } = customer;
  return { optedOut, optedOutChannels, ownOptOuts, hasEmail: !!email };
}
