import { Channel, NpsCategory, OptOutSource, PromoterAction, PromoterDelivery, ResponseSource } from '@nps/contracts';
import {
  PromoterFollowUpPolicy,
  type PromoterContact,
  type PromoterFollowUpRules,
  type ScoredAnswer,
} from './promoter-follow-up.decision';

const NOW = new Date('2026-12-02T09:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);
const RULES: PromoterFollowUpRules = {
  action: 'thank-you',
  delivery: 'email',
  maxAgeDays: 14,
  unknownCustomerHoldMs: 0,
};
const ANSWER: ScoredAnswer = {
  category: NpsCategory.PROMOTER,
  source: ResponseSource.SURVEY_PAGE,
  answeredAt: daysAgo(0),
  followUpRequested: false,
  recoveryOfResponseId: '',
};
const CONTACT: PromoterContact = { optedOut: false, optedOutChannels: [], ownOptOuts: [], hasEmail: true };

describe('PromoterFollowUpPolicy', () => {
  it.each<
    [string, Partial<PromoterFollowUpRules>, Partial<ScoredAnswer>, Partial<PromoterContact> | undefined, string]
  >([
    ['a fresh survey-page promoter gets a thank-you email', {}, {}, {}, 'act THANK_YOU EMAIL'],
    [
      'a referral invitation by webhook',
      { action: 'referral', delivery: 'webhook' },
      {},
      {},
      'act REFERRAL_INVITATION WEBHOOK',
    ],
    ['a review invitation', { action: 'review' }, {}, {}, 'act REVIEW_INVITATION EMAIL'],
    ['nothing when the action is none', { action: 'none' }, {}, {}, 'skip ACTION_OFF'],
    ['not a recovery re-survey', {}, { recoveryOfResponseId: 'r-0' }, {}, 'skip RECOVERY_RESURVEY'],
    [
      'not even when the import asked for it',
      {},
      { recoveryOfResponseId: 'r-0', followUpRequested: true },
      {},
      'skip RECOVERY_RESURVEY',
    ],
    ['not imported history', {}, { source: ResponseSource.IMPORT }, {}, 'skip IMPORTED_HISTORY'],
    [
      'imported history the import asked to follow up',
      {},
      { source: ResponseSource.IMPORT, answeredAt: daysAgo(400), followUpRequested: true },
      {},
      'act THANK_YOU EMAIL',
    ],
    ['not an answer older than the max age', {}, { answeredAt: daysAgo(15) }, {}, 'skip OLD_ANSWER'],
    ['an answer exactly at the max age', {}, { answeredAt: daysAgo(14) }, {}, 'act THANK_YOU EMAIL'],
    [
      'an old API answer with follow_up_requested',
      {},
      { source: ResponseSource.API, answeredAt: daysAgo(30), followUpRequested: true },
      {},
      'act THANK_YOU EMAIL',
    ],
    ['not an unknown customer when nothing is held', {}, {}, undefined, 'skip UNKNOWN_CUSTOMER'],
    [
      'an unknown customer held for an import, with the action it would get',
      { unknownCustomerHoldMs: 3_600_000, action: 'review' },
      {},
      undefined,
      'hold REVIEW_INVITATION EMAIL until 2026-12-02T10:00:00.000Z',
    ],
    [
      'not an old answer of an unknown customer, held or not',
      { unknownCustomerHoldMs: 3_600_000 },
      { answeredAt: daysAgo(15) },
      undefined,
      'skip OLD_ANSWER',
    ],
    ['a known customer is never held', { unknownCustomerHoldMs: 3_600_000 }, {}, {}, 'act THANK_YOU EMAIL'],
    ['not a customer who opted out of everything', {}, {}, { optedOut: true }, 'skip OPTED_OUT'],
    [
      'not by email to one who opted out of email',
      {},
      {},
      { optedOutChannels: [Channel.EMAIL] },
      'skip OPTED_OUT_CHANNEL',
    ],
    ['by email to one who opted out of SMS only', {}, {}, { optedOutChannels: [Channel.SMS] }, 'act THANK_YOU EMAIL'],
    [
      'not by webhook for one who opted out of webhooks',
      { delivery: 'webhook' },
      {},
      { optedOutChannels: [Channel.WEBHOOK] },
      'skip OPTED_OUT_CHANNEL',
    ],
    ['not by email without an address', {}, {}, { hasEmail: false }, 'skip NO_CONTACT_ADDRESS'],
    ['by webhook without an email address', { delivery: 'webhook' }, {}, { hasEmail: false }, 'act THANK_YOU WEBHOOK'],
  ])('%s', (_, rules, answer, contact, expected) => {
    const decision = new PromoterFollowUpPolicy({ ...RULES, ...rules }).decide(
      { ...ANSWER, ...answer },
      contact === undefined ? undefined : { ...CONTACT, ...contact },
      NOW,
    );

    const summary =
      decision.outcome === 'skip'
        ? `skip ${decision.reason}`
        : `${decision.outcome} ${PromoterAction[decision.action]} ${PromoterDelivery[decision.delivery]}` +
          (decision.outcome === 'hold' ? ` until ${decision.until.toISOString()}` : '');
    expect(summary).toBe(expected);
  });

  it('says until when it holds an unknown customer, in the same words', () => {
    const decision = new PromoterFollowUpPolicy({ ...RULES, unknownCustomerHoldMs: 3_600_000 }).decide(
      ANSWER,
      undefined,
      NOW,
    );

    expect(decision).toMatchObject({
      outcome: 'hold',
      detail: 'no contact is known for this customer yet: held for a CRM import until 2026-12-02T10:00:00.000Z',
    });
  });

  it('says why it skipped in words an operator can act on', () => {
    const decision = new PromoterFollowUpPolicy(RULES).decide({ ...ANSWER, answeredAt: daysAgo(20.5) }, CONTACT, NOW);

    expect(decision).toEqual({ outcome: 'skip', reason: 'OLD_ANSWER', detail: 'answered 20 days ago (limit 14)' });
  });

  it.each([NpsCategory.PASSIVE, NpsCategory.DETRACTOR, NpsCategory.UNSPECIFIED])(
    'leaves category %s alone entirely',
    (category) => expect(PromoterFollowUpPolicy.concerns({ category })).toBe(false),
  );

  it('concerns promoters', () =>
    expect(PromoterFollowUpPolicy.concerns({ category: NpsCategory.PROMOTER })).toBe(true));

  it.each<[string, PromoterDelivery, PromoterContact | undefined, string | undefined]>([
    ['nothing changed', PromoterDelivery.EMAIL, CONTACT, undefined],
    ['the customer was erased', PromoterDelivery.EMAIL, undefined, 'UNKNOWN_CUSTOMER'],
    ['the customer opted out of everything', PromoterDelivery.WEBHOOK, { ...CONTACT, optedOut: true }, 'OPTED_OUT'],
    [
      'the customer opted out of webhooks',
      PromoterDelivery.WEBHOOK,
      { ...CONTACT, optedOutChannels: [Channel.WEBHOOK] },
      'OPTED_OUT_CHANNEL',
    ],
    [
      'an email opt-out does not stop a webhook',
      PromoterDelivery.WEBHOOK,
      { ...CONTACT, optedOutChannels: [Channel.EMAIL] },
      undefined,
    ],
    ['the address was removed', PromoterDelivery.EMAIL, { ...CONTACT, hasEmail: false }, 'NO_CONTACT_ADDRESS'],
  ])('checks the contact again right before delivery: %s', (_case, delivery, contact, reason) => {
    const refusal = PromoterFollowUpPolicy.contactRefusal(delivery, contact);
    expect(refusal?.outcome === 'skip' ? refusal.reason : undefined).toBe(reason);
  });

  it("reads the customer's own opt-outs as the survey scheduler does, saying how and when", () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const own = (channel: Channel) => ({
      ...CONTACT,
      ownOptOuts: [{ channel, source: OptOutSource.ONE_CLICK, at }],
    });
    expect(PromoterFollowUpPolicy.contactRefusal(PromoterDelivery.EMAIL, own(Channel.UNSPECIFIED))).toEqual({
      outcome: 'skip',
      reason: 'OPTED_OUT',
      detail: 'the customer unsubscribed by one-click link on 2026-12-01',
    });
    expect(PromoterFollowUpPolicy.contactRefusal(PromoterDelivery.EMAIL, own(Channel.EMAIL))).toMatchObject({
      reason: 'OPTED_OUT_CHANNEL',
    });
    expect(PromoterFollowUpPolicy.contactRefusal(PromoterDelivery.WEBHOOK, own(Channel.EMAIL))).toBeUndefined();
  });
});
