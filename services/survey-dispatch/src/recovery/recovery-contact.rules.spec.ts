import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CaseResolvedSchema, CaseSkippedSchema, CaseSkipReason, Channel } from '@nps/contracts';
import { ContactPolicy } from '../contact-policy/contact-policy';
import type { ContactProfile } from '../contact-policy/contact-policy.decision';
import { contactPolicyRulesFrom } from '../contact-policy/contact-policy.rules';
import { RECOVERY_TOUCHPOINT_TYPE, recoveryContactRules } from './recovery-contact.rules';
import { recoveryRequestOf } from './recovery-request';

const NOW = new Date('2026-11-23T12:00:00Z'); // 13:00 in Amsterdam
const DAY = 24 * 60 * 60 * 1000;
const rules = contactPolicyRulesFrom({
  CONTACT_CAP_DAYS: 30,
  CONTACT_CAP_PER_TYPE: `${RECOVERY_TOUCHPOINT_TYPE}:90`,
  CONTACT_ATTRIBUTE_RULES: 'customer.segment=internal:never,customer.tier=platinum:120d',
  QUIET_HOURS: '21:00-08:00',
});
const policy = new ContactPolicy(recoveryContactRules(rules));
const trigger = { touchpointId: 'resp-1', touchpointType: RECOVERY_TOUCHPOINT_TYPE, attributes: {} };
const profile = (change: Partial<ContactProfile> = {}): ContactProfile => ({
  optedOut: false,
  optedOutChannels: [],
  ownOptOuts: [],
  preferredChannel: null,
  reachable: [Channel.EMAIL],
  timeZone: 'Europe/Amsterdam',
  facts: { segment: 'consumer', tier: 'platinum' },
  ...change,
});
// Surveyed (the detractor answer) 15 days ago: every cap above would suppress an ordinary survey.
const justSurveyed = {
  touchpointSeen: false,
  recentRequests: [{ touchpointType: 'order-delivered', requestedAt: new Date(NOW.getTime() - 15 * DAY) }],
};

describe('the recovery contact rules', () => {
  it('sends although the customer was surveyed within every cap', () => {
    expect(new ContactPolicy(rules).decide(trigger, profile(), justSurveyed, NOW)).toMatchObject({
      outcome: 'suppress',
    });
    expect(policy.decide(trigger, profile(), justSurveyed, NOW)).toEqual({
      outcome: 'send',
      channel: Channel.EMAIL,
      dueAt: NOW,
    });
  });

  it.each([
    ['an opt-out', profile({ optedOut: true }), 'OPTED_OUT'],
    ['an opt-out of the only channel', profile({ optedOutChannels: [Channel.EMAIL] }), 'OPTED_OUT_CHANNEL'],
    ['a never rule', profile({ facts: { segment: 'internal' } }), 'ATTRIBUTE_RULE'],
  ])('still holds %s', (_, who, reason) => {
    expect(policy.decide(trigger, who, justSurveyed, NOW)).toMatchObject({ outcome: 'suppress', reason });
  });

  it('defers to the end of quiet hours', () => {
    const night = new Date('2026-11-23T22:30:00Z'); // 23:30 in Amsterdam
    expect(policy.decide(trigger, profile(), justSurveyed, night)).toMatchObject({
      outcome: 'defer',
      reason: 'QUIET_HOURS',
      dueAt: new Date('2026-11-24T07:00:00Z'),
    });
  });
});

describe('recoveryRequestOf', () => {
  const at = timestampFromDate(new Date(NOW.getTime() - DAY));
  const base = { responseId: 'resp-1', customerId: 'c-1', occurredAt: at };

  it('re-surveys a resolved case the delay after it was resolved, in the followed-up group', () => {
    const event = create(CaseResolvedSchema, { ...base, caseId: 'case-1' });
    expect(recoveryRequestOf({ kind: 'resolved', event }, 14 * DAY, NOW)).toEqual({
      responseId: 'resp-1',
      customerId: 'c-1',
      group: 'followed-up',
      caseId: 'case-1',
      dueAt: new Date(NOW.getTime() + 13 * DAY),
      requestedAt: NOW,
    });
  });

  it('re-surveys a held-out detractor after the same delay, and no other skipped one', () => {
    const held = create(CaseSkippedSchema, { ...base, reason: CaseSkipReason.HOLDOUT, teamId: 'care' });
    expect(recoveryRequestOf({ kind: 'skipped', event: held }, DAY, NOW)).toMatchObject({
      group: 'holdout',
      caseId: null,
      dueAt: NOW,
    });
    for (const reason of [CaseSkipReason.ANSWER_TOO_OLD, CaseSkipReason.RECOVERY_SURVEY, CaseSkipReason.UNSPECIFIED]) {
      const event = create(CaseSkippedSchema, { ...base, reason });
      expect(recoveryRequestOf({ kind: 'skipped', event }, DAY, NOW)).toBeNull();
    }
  });
});
