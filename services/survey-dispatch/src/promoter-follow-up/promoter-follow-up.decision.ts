import { Channel, NpsCategory, PromoterAction, PromoterDelivery, ResponseSource } from '@nps/contracts';
import { optOutOf, type ContactOptOuts } from '../contact-policy/contact-policy';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a promoter answer got no action; stable codes, stored with the follow-up row. */
export type PromoterSkipReason =
  | 'ACTION_OFF'
  | 'RECOVERY_RESURVEY'
  | 'IMPORTED_HISTORY'
  | 'OLD_ANSWER'
  | 'UNKNOWN_CUSTOMER'
  | 'OPTED_OUT'
  | 'OPTED_OUT_CHANNEL'
  | 'NO_CONTACT_ADDRESS';

export type PromoterActionName = 'none' | 'thank-you' | 'referral' | 'review';
export type PromoterDeliveryName = 'email' | 'webhook';

export interface PromoterFollowUpRules {
  action: PromoterActionName;
  delivery: PromoterDeliveryName;
  maxAgeDays: number;
  /** How long a follow-up of a customer nobody imported yet waits for a CRM import (ADR 0070); 0 skips it at once. */
  unknownCustomerHoldMs: number;
}

/** What the decision reads of a ResponseScored. */
export interface ScoredAnswer {
  category: NpsCategory;
  source: ResponseSource;
  answeredAt: Date;
  followUpRequested: boolean;
  recoveryOfResponseId: string;
}

/** What the decision reads of the customer: the contact policy's opt-outs and whether an address exists. */
export interface PromoterContact extends ContactOptOuts {
  hasEmail: boolean;
}

export type PromoterDecision =
  | { outcome: 'act'; action: PromoterAction; delivery: PromoterDelivery }
  | { outcome: 'hold'; action: PromoterAction; delivery: PromoterDelivery; until: Date; detail: string }
  | { outcome: 'skip'; reason: PromoterSkipReason; detail: string };

const ACTIONS: Record<Exclude<PromoterActionName, 'none'>, PromoterAction> = {
  'thank-you': PromoterAction.THANK_YOU,
  referral: PromoterAction.REFERRAL_INVITATION,
  review: PromoterAction.REVIEW_INVITATION,
};
const DELIVERIES: Record<PromoterDeliveryName, { delivery: PromoterDelivery }> = {
  email: { delivery: PromoterDelivery.EMAIL },
  webhook: { delivery: PromoterDelivery.WEBHOOK },
};

/**
 * Whether a promoter answer gets the configured action. Pure: the handler has already made sure it is a promoter
 * answer seen for the first time. Recovery re-surveys belong to the detractor's case, not to a thank-you; old or
 * imported history would reach people about answers they gave long ago, unless the import asked for it.
 */
export class PromoterFollowUpPolicy {
  constructor(private readonly rules: PromoterFollowUpRules) {}

  /** True for the answers this feature looks at at all: promoters. Other categories leave no trace. */
  static concerns(answer: Pick<ScoredAnswer, 'category'>): boolean {
    return answer.category === NpsCategory.PROMOTER;
  }

  decide(answer: ScoredAnswer, contact: PromoterContact | undefined, now: Date): PromoterDecision {
    if (this.rules.action === 'none') return skip('ACTION_OFF', 'PROMOTER_ACTION is none');
    if (answer.recoveryOfResponseId)
      return skip('RECOVERY_RESURVEY', `a recovery re-survey of response ${answer.recoveryOfResponseId}`);
    if (!answer.followUpRequested) {
      if (answer.source === ResponseSource.IMPORT)
        return skip('IMPORTED_HISTORY', 'an imported answer without follow_up_requested');
      const ageDays = (now.getTime() - answer.answeredAt.getTime()) / DAY_MS;
      if (ageDays > this.rules.maxAgeDays)
        return skip('OLD_ANSWER', `answered ${Math.floor(ageDays)} days ago (limit ${this.rules.maxAgeDays})`);
    }
    const { delivery } = DELIVERIES[this.rules.delivery];
    const action = ACTIONS[this.rules.action];
    // The customer may come with tonight's CRM import: the contact policy is asked again at delivery.
    if (!contact && this.rules.unknownCustomerHoldMs > 0) {
      const until = new Date(now.getTime() + this.rules.unknownCustomerHoldMs);
      const detail = `no contact is known for this customer yet: held for a CRM import until ${until.toISOString()}`;
      return { outcome: 'hold', action, delivery, until, detail };
    }
    return PromoterFollowUpPolicy.contactRefusal(delivery, contact) ?? { outcome: 'act', action, delivery };
  }

  /**
   * Why the contact policy forbids reaching the customer through `delivery`, if it does. Asked again right before
   * delivery: an opt-out or an erasure while the follow-up waited for the provider wins.
   */
  static contactRefusal(
    delivery: PromoterDelivery,
    contact: PromoterContact | undefined,
  ): PromoterDecision | undefined {
    const channel = delivery === PromoterDelivery.WEBHOOK ? Channel.WEBHOOK : Channel.EMAIL;
    if (!contact) return skip('UNKNOWN_CUSTOMER', 'no contact is known for this customer');
    const optOut = optOutOf(contact, channel);
    if (optOut) return skip(optOut.reason, optOut.detail);
    if (delivery === PromoterDelivery.EMAIL && !contact.hasEmail)
      return skip('NO_CONTACT_ADDRESS', 'the customer has no email address');
    return undefined;
  }
}

function skip(reason: PromoterSkipReason, detail: string): PromoterDecision {
  return { outcome: 'skip', reason, detail };
}
