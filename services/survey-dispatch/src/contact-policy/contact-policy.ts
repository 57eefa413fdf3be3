import { Channel, OptOutSource } from '@nps/contracts';
import { DateTime } from 'luxon';
import { DELIVERY_CHANNELS } from '../delivery/delivery.channels';
import type {
  ContactHistory,
  ContactProfile,
  ContactTrigger,
  OwnOptOut,
  PolicyDecision,
} from './contact-policy.decision';
import type { AttributeRule, ContactPolicyRules } from './contact-policy.rules';
import { nextAllowedTime } from './quiet-hours';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Channel fallback order when the preferred one cannot be used. */
const FALLBACK_CHANNELS = Object.values(DELIVERY_CHANNELS);

/**
 * Decides whether a trigger becomes a survey: duplicates, opt-outs, attribute rules and caps
 * suppress it; quiet hours defer it to their end. Pure: everything it needs comes in as arguments.
 */
export class ContactPolicy {
  constructor(private readonly rules: ContactPolicyRules) {}

  decide(
    trigger: ContactTrigger,
    profile: ContactProfile | undefined,
    history: ContactHistory,
    now: Date,
  ): PolicyDecision {
    if (history.touchpointSeen)
      return suppress(
        'DUPLICATE_TOUCHPOINT',
        `touchpoint ${trigger.touchpointType}/${trigger.touchpointId} was already handled`,
      );
    if (history.erasedAt)
      return suppress('ERASED', `the customer was erased on ${history.erasedAt.toISOString().slice(0, 10)}`);
    if (!profile) return suppress('UNKNOWN_CUSTOMER', 'no contact is known for this customer; import it first');
    const optedOut = optOutOfAll(profile);
    if (optedOut) return optedOut;
    const never = this.matchingRules(trigger, profile).find((rule) => rule.effect === 'never');
    if (never) return suppress('ATTRIBUTE_RULE', `rule ${never.text}`);
    const channel = chooseChannel(trigger, profile);
    if ('reason' in channel) return channel;
    const capped = this.capViolation(trigger, profile, history, now);
    if (capped) return capped;
    const dueAt = nextAllowedTime(now, profile.timeZone, this.rules.quietHours);
    if (dueAt.getTime() === now.getTime()) return { outcome: 'send', channel: channel.channel, dueAt };
    const local = DateTime.fromJSDate(dueAt, { zone: profile.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm ZZZZ");
    return {
      outcome: 'defer',
      channel: channel.channel,
      dueAt,
      reason: 'QUIET_HOURS',
      detail: `quiet hours in ${profile.timeZone}: deferred to ${local}`,
    };
  }

  private matchingRules(trigger: ContactTrigger, profile: ContactProfile): AttributeRule[] {
    return this.rules.attributeRules.filter(
      (rule) => (rule.subject === 'customer' ? profile.facts : trigger.attributes)[rule.attribute] === rule.value,
    );
  }

  private capViolation(
    trigger: ContactTrigger,
    profile: ContactProfile,
    history: ContactHistory,
    now: Date,
  ): PolicyDecision | undefined {
    const within = (days: number, ofType?: string) =>
      days > 0 &&
      history.recentRequests.some(
        (r) =>
          now.getTime() - r.requestedAt.getTime() < days * DAY_MS &&
          (ofType === undefined || r.touchpointType === ofType),
      );
    if (within(this.rules.capDays))
      return suppress('FREQUENCY_CAP', `already surveyed within ${this.rules.capDays} days`);
    const typeDays = this.rules.capDaysPerType.get(trigger.touchpointType) ?? 0;
    if (within(typeDays, trigger.touchpointType))
      return suppress(
        'TOUCHPOINT_TYPE_CAP',
        `already surveyed about ${trigger.touchpointType} within ${typeDays} days`,
      );
    for (const rule of this.matchingRules(trigger, profile)) {
      if (rule.effect !== 'never' && within(rule.effect.capDays))
        return suppress('ATTRIBUTE_RULE', `rule ${rule.text}: already surveyed within ${rule.effect.capDays} days`);
    }
    return undefined;
  }
}

type Suppression = Extract<PolicyDecision, { outcome: 'suppress' }>;
type OptOutFound = Suppression & { reason: 'OPTED_OUT' | 'OPTED_OUT_CHANNEL' };

/** The opt-outs of a customer: the CRM's, as last imported, and their own (ADR 0034). */
export type ContactOptOuts = Pick<ContactProfile, 'optedOut' | 'optedOutChannels' | 'ownOptOuts'>;

/**
 * Why `channel` may no longer be used for the customer, if it may not. The scheduler asks again when a
 * survey or a reminder is due, so an opt-out given after the decision holds too (ADR 0065).
 */
export function optOutOf(optOuts: ContactOptOuts, channel: Channel): OptOutFound | undefined {
  return optOutOfAll(optOuts) ?? (optedOutOf(optOuts, channel) ? optedOutOfChannels(optOuts, [channel]) : undefined);
}

function suppress<Reason extends Suppression['reason']>(
  reason: Reason,
  detail: string,
): Suppression & { reason: Reason } {
  return { outcome: 'suppress', reason, detail };
}

function optOutOfAll(optOuts: ContactOptOuts): OptOutFound | undefined {
  if (optOuts.optedOut) return suppress('OPTED_OUT', 'the customer opted out of all surveys');
  const own = ownOptOutOf(optOuts, Channel.UNSPECIFIED);
  return own && suppress('OPTED_OUT', `the customer ${howOptedOut(own)}`);
}

function ownOptOutOf(optOuts: ContactOptOuts, channel: Channel): OwnOptOut | undefined {
  return optOuts.ownOptOuts.find((optOut) => optOut.channel === channel);
}

function optedOutOf(optOuts: ContactOptOuts, channel: Channel): boolean {
  return optOuts.optedOutChannels.includes(channel) || !!ownOptOutOf(optOuts, channel);
}

function optedOutOfChannels(optOuts: ContactOptOuts, channels: Channel[]): OptOutFound {
  const named = (channel: Channel) => {
    const own = ownOptOutOf(optOuts, channel);
    return own ? `${Channel[channel]} (${howOptedOut(own)})` : Channel[channel];
  };
  return suppress('OPTED_OUT_CHANNEL', `the customer opted out of ${channels.map(named).join(', ')}`);
}

function chooseChannel(trigger: ContactTrigger, profile: ContactProfile): { channel: Channel } | Suppression {
  const reachable = (channel: Channel) => profile.reachable.includes(channel);
  if (trigger.channelOverride !== undefined) {
    const name = Channel[trigger.channelOverride];
    if (optedOutOf(profile, trigger.channelOverride)) return optedOutOfChannels(profile, [trigger.channelOverride]);
    if (!reachable(trigger.channelOverride))
      return {
        outcome: 'suppress',
        reason: 'NO_CONTACT_ADDRESS',
        detail: `no ${name} address is known for the customer`,
      };
    return { channel: trigger.channelOverride };
  }
  const candidates = [
    ...new Set([...(profile.preferredChannel === null ? [] : [profile.preferredChannel]), ...FALLBACK_CHANNELS]),
  ].filter(reachable);
  const allowed = candidates.find((channel) => !optedOutOf(profile, channel));
  if (allowed !== undefined) return { channel: allowed };
  if (candidates.length > 0) return optedOutOfChannels(profile, candidates);
  return {
    outcome: 'suppress',
    reason: 'NO_CONTACT_ADDRESS',
    detail: 'no email, phone or webhook is known for the customer',
  };
}

const OPT_OUT_WAYS: Record<OptOutSource, string> = {
  [OptOutSource.UNSPECIFIED]: 'opted out',
  [OptOutSource.ONE_CLICK]: 'unsubscribed by one-click link',
  [OptOutSource.UNSUBSCRIBE_PAGE]: 'unsubscribed on the unsubscribe page',
  [OptOutSource.SMS_KEYWORD]: 'replied STOP by SMS',
};

/** "unsubscribed by one-click link on 2026-12-02": the suppression detail a lead reads. */
function howOptedOut(optOut: OwnOptOut): string {
  const how = OPT_OUT_WAYS[optOut.source] ?? OPT_OUT_WAYS[OptOutSource.UNSPECIFIED];
  return `${how} on ${optOut.at.toISOString().slice(0, 10)}`;
}
