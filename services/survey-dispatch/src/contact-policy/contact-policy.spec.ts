import { Channel, OptOutSource } from '@nps/contracts';
import type { ContactHistory, ContactProfile, ContactTrigger, PolicyDecision } from './contact-policy.decision';
import { ContactPolicy, optOutOf } from './contact-policy';
import { contactPolicyRulesFrom } from './contact-policy.rules';

const NOW = new Date('2026-11-23T12:00:00Z'); // 13:00 in Amsterdam, 07:00 in New York, 23:00 in Sydney
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

const policy = new ContactPolicy(
  contactPolicyRulesFrom({
    CONTACT_CAP_DAYS: 30,
    CONTACT_CAP_PER_TYPE: 'ticket-closed:90',
    CONTACT_ATTRIBUTE_RULES: 'customer.segment=internal:never,touchpoint.source=test:never,customer.tier=platinum:120d',
    QUIET_HOURS: '21:00-08:00',
  }),
);

const trigger = (change: Partial<ContactTrigger> = {}): ContactTrigger => ({
  touchpointId: 'order-1',
  touchpointType: 'order-delivered',
  attributes: {},
  ...change,
});
const profile = (change: Partial<ContactProfile> = {}): ContactProfile => ({
  optedOut: false,
  optedOutChannels: [],
  ownOptOuts: [],
  preferredChannel: null,
  reachable: [Channel.EMAIL, Channel.SMS],
  timeZone: 'Europe/Amsterdam',
  facts: { segment: 'consumer', tier: 'standard' },
  ...change,
});
const history = (change: Partial<ContactHistory> = {}): ContactHistory => ({
  touchpointSeen: false,
  recentRequests: [],
  ...change,
});
const sentBefore = (days: number, touchpointType = 'order-delivered') =>
  history({ recentRequests: [{ touchpointType, requestedAt: daysAgo(days) }] });

type Expected =
  Partial<Extract<PolicyDecision, { outcome: 'send' | 'defer' }>> | { outcome: 'suppress'; reason: string };

describe('ContactPolicy', () => {
  it.each<[string, ContactTrigger, ContactProfile | undefined, ContactHistory, Expected]>([
    [
      'a first survey in daytime is sent now by email',
      trigger(),
      profile(),
      history(),
      { outcome: 'send', channel: Channel.EMAIL, dueAt: NOW },
    ],
    [
      'a touchpoint already handled is a duplicate',
      trigger(),
      profile(),
      history({ touchpointSeen: true }),
      { outcome: 'suppress', reason: 'DUPLICATE_TOUCHPOINT' },
    ],
    [
      'an unknown customer is not asked',
      trigger(),
      undefined,
      history(),
      { outcome: 'suppress', reason: 'UNKNOWN_CUSTOMER' },
    ],
    [
      'a customer who opted out of everything is not asked',
      trigger(),
      profile({ optedOut: true }),
      history(),
      { outcome: 'suppress', reason: 'OPTED_OUT' },
    ],
    [
      'an email opt-out falls back to SMS',
      trigger(),
      profile({ optedOutChannels: [Channel.EMAIL] }),
      history(),
      { outcome: 'send', channel: Channel.SMS },
    ],
    [
      'opted out of every reachable channel',
      trigger(),
      profile({ optedOutChannels: [Channel.EMAIL, Channel.SMS] }),
      history(),
      { outcome: 'suppress', reason: 'OPTED_OUT_CHANNEL' },
    ],
    [
      'an ad-hoc send through an opted-out channel',
      trigger({ channelOverride: Channel.EMAIL }),
      profile({ optedOutChannels: [Channel.EMAIL] }),
      history(),
      { outcome: 'suppress', reason: 'OPTED_OUT_CHANNEL' },
    ],
    [
      'an ad-hoc send through a channel without address',
      trigger({ channelOverride: Channel.WEBHOOK }),
      profile(),
      history(),
      { outcome: 'suppress', reason: 'NO_CONTACT_ADDRESS' },
    ],
    [
      'a customer without any address',
      trigger(),
      profile({ reachable: [] }),
      history(),
      { outcome: 'suppress', reason: 'NO_CONTACT_ADDRESS' },
    ],
    [
      'the preferred channel wins when reachable',
      trigger(),
      profile({ preferredChannel: Channel.SMS }),
      history(),
      { outcome: 'send', channel: Channel.SMS },
    ],
    [
      'surveyed 10 days ago: overall 30-day cap',
      trigger(),
      profile(),
      sentBefore(10),
      { outcome: 'suppress', reason: 'FREQUENCY_CAP' },
    ],
    [
      'surveyed 29.9 days ago: still capped',
      trigger(),
      profile(),
      sentBefore(29.9),
      { outcome: 'suppress', reason: 'FREQUENCY_CAP' },
    ],
    ['surveyed 31 days ago: allowed again', trigger(), profile(), sentBefore(31), { outcome: 'send' }],
    [
      'ticket surveyed 60 days ago: 90-day type cap',
      trigger({ touchpointType: 'ticket-closed' }),
      profile(),
      sentBefore(60, 'ticket-closed'),
      { outcome: 'suppress', reason: 'TOUCHPOINT_TYPE_CAP' },
    ],
    [
      'order surveyed 60 days ago does not cap a ticket',
      trigger({ touchpointType: 'ticket-closed' }),
      profile(),
      sentBefore(60),
      { outcome: 'send' },
    ],
    [
      'internal customers are never asked',
      trigger(),
      profile({ facts: { segment: 'internal' } }),
      history(),
      { outcome: 'suppress', reason: 'ATTRIBUTE_RULE' },
    ],
    [
      'test touchpoints are never surveyed',
      trigger({ attributes: { source: 'test' } }),
      profile(),
      history(),
      { outcome: 'suppress', reason: 'ATTRIBUTE_RULE' },
    ],
    [
      'platinum customers: 120-day cap',
      trigger(),
      profile({ facts: { tier: 'platinum' } }),
      sentBefore(100),
      { outcome: 'suppress', reason: 'ATTRIBUTE_RULE' },
    ],
    [
      'platinum customers after 121 days',
      trigger(),
      profile({ facts: { tier: 'platinum' } }),
      sentBefore(121),
      { outcome: 'send' },
    ],
    [
      '23:00 in Sydney: deferred to 08:00 local the next morning',
      trigger(),
      profile({ timeZone: 'Australia/Sydney' }),
      history(),
      { outcome: 'defer', reason: 'QUIET_HOURS', dueAt: new Date('2026-11-23T21:00:00Z'), channel: Channel.EMAIL },
    ],
    [
      '07:00 in New York: deferred to 08:00 the same morning',
      trigger(),
      profile({ timeZone: 'America/New_York' }),
      history(),
      { outcome: 'defer', reason: 'QUIET_HOURS', dueAt: new Date('2026-11-23T13:00:00Z') },
    ],
    [
      'a duplicate during quiet hours is still a duplicate',
      trigger(),
      profile({ timeZone: 'Australia/Sydney' }),
      history({ touchpointSeen: true }),
      { outcome: 'suppress', reason: 'DUPLICATE_TOUCHPOINT' },
    ],
    [
      'a capped trigger during quiet hours is suppressed, not deferred',
      trigger(),
      profile({ timeZone: 'Australia/Sydney' }),
      sentBefore(3),
      { outcome: 'suppress', reason: 'FREQUENCY_CAP' },
    ],
  ])('%s', (_, given, customer, past, expected) => {
    const decision = policy.decide(given, customer, past, NOW);

    expect(decision).toMatchObject(expected);
    if (decision.outcome !== 'send') expect(decision.detail.length).toBeGreaterThan(10);
  });

  it('with the caps off, a customer can be asked about every touchpoint', () => {
    const open = new ContactPolicy(
      contactPolicyRulesFrom({
        CONTACT_CAP_DAYS: 0,
        CONTACT_CAP_PER_TYPE: 'none',
        CONTACT_ATTRIBUTE_RULES: 'none',
        QUIET_HOURS: 'off',
      }),
    );

    expect(open.decide(trigger(), profile({ timeZone: 'Australia/Sydney' }), sentBefore(0.01), NOW)).toEqual({
      outcome: 'send',
      channel: Channel.EMAIL,
      dueAt: NOW,
    });
  });

  describe('an erased customer', () => {
    const erasedAt = new Date('2026-12-02T10:00:00Z');

    it('is suppressed as ERASED, saying since when, whether the CRM sent the contact again or not', () => {
      const expected = { outcome: 'suppress', reason: 'ERASED', detail: 'the customer was erased on 2026-12-02' };
      expect(policy.decide(trigger(), profile(), history({ erasedAt }), NOW)).toEqual(expected);
      expect(policy.decide(trigger(), undefined, history({ erasedAt }), NOW)).toEqual(expected);
    });

    it('a touchpoint handled before the erasure stays a duplicate', () => {
      expect(policy.decide(trigger(), undefined, history({ erasedAt, touchpointSeen: true }), NOW)).toMatchObject({
        reason: 'DUPLICATE_TOUCHPOINT',
      });
    });
  });

  describe("the customer's own opt-outs", () => {
    const at = new Date('2026-12-02T09:30:00Z');
    const own = (channel: Channel, source: OptOutSource) => profile({ ownOptOuts: [{ channel, source, at }] });

    it.each([
      [OptOutSource.ONE_CLICK, 'the customer unsubscribed by one-click link on 2026-12-02'],
      [OptOutSource.UNSUBSCRIBE_PAGE, 'the customer unsubscribed on the unsubscribe page on 2026-12-02'],
      [OptOutSource.SMS_KEYWORD, 'the customer replied STOP by SMS on 2026-12-02'],
    ])('an opt-out of every channel by %p suppresses as OPTED_OUT, saying how and when', (source, detail) => {
      expect(policy.decide(trigger(), own(Channel.UNSPECIFIED, source), history(), NOW)).toEqual({
        outcome: 'suppress',
        reason: 'OPTED_OUT',
        detail,
      });
    });

    it('holds even when the CRM says the customer may be contacted', () => {
      const decision = policy.decide(trigger(), own(Channel.UNSPECIFIED, OptOutSource.ONE_CLICK), history(), NOW);
      expect(decision).toMatchObject({ outcome: 'suppress', reason: 'OPTED_OUT' });
    });

    it('an opt-out of one channel falls back to another reachable one', () => {
      expect(policy.decide(trigger(), own(Channel.EMAIL, OptOutSource.ONE_CLICK), history(), NOW)).toMatchObject({
        outcome: 'send',
        channel: Channel.SMS,
      });
    });

    it('an opt-out of the only reachable channel suppresses as OPTED_OUT_CHANNEL, naming it', () => {
      const only = { ...own(Channel.SMS, OptOutSource.SMS_KEYWORD), reachable: [Channel.SMS] };
      expect(policy.decide(trigger(), only, history(), NOW)).toEqual({
        outcome: 'suppress',
        reason: 'OPTED_OUT_CHANNEL',
        detail: 'the customer opted out of SMS (replied STOP by SMS on 2026-12-02)',
      });
      expect(policy.decide(trigger({ channelOverride: Channel.SMS }), only, history(), NOW)).toMatchObject({
        reason: 'OPTED_OUT_CHANNEL',
      });
    });
  });

  describe('optOutOf: read again when a survey or a reminder is due (ADR 0065)', () => {
    const at = new Date('2026-12-02T09:30:00Z');

    it("names an opt-out of every channel, the CRM's or the customer's own", () => {
      expect(optOutOf(profile({ optedOut: true }), Channel.EMAIL)).toEqual({
        outcome: 'suppress',
        reason: 'OPTED_OUT',
        detail: 'the customer opted out of all surveys',
      });
      const own = profile({ ownOptOuts: [{ channel: Channel.UNSPECIFIED, source: OptOutSource.ONE_CLICK, at }] });
      expect(optOutOf(own, Channel.SMS)).toMatchObject({
        reason: 'OPTED_OUT',
        detail: 'the customer unsubscribed by one-click link on 2026-12-02',
      });
    });

    it("names an opt-out of the survey's channel, and lets another channel through", () => {
      const crm = profile({ optedOutChannels: [Channel.EMAIL] });
      expect(optOutOf(crm, Channel.EMAIL)).toMatchObject({
        reason: 'OPTED_OUT_CHANNEL',
        detail: 'the customer opted out of EMAIL',
      });
      expect(optOutOf(crm, Channel.SMS)).toBeUndefined();
      const own = profile({ ownOptOuts: [{ channel: Channel.SMS, source: OptOutSource.SMS_KEYWORD, at }] });
      expect(optOutOf(own, Channel.SMS)).toMatchObject({
        detail: 'the customer opted out of SMS (replied STOP by SMS on 2026-12-02)',
      });
      expect(optOutOf(profile(), Channel.EMAIL)).toBeUndefined();
    });
  });
});
