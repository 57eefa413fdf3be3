import type { Channel, OptOutSource } from '@nps/contracts';

/** Why the contact policy did not send a survey right away; stable codes, stored and returned by the API. */
export const POLICY_REASONS = [
  'DUPLICATE_TOUCHPOINT',
  'ERASED',
  'UNKNOWN_CUSTOMER',
  'OPTED_OUT',
  'OPTED_OUT_CHANNEL',
  'NO_CONTACT_ADDRESS',
  'ATTRIBUTE_RULE',
  'FREQUENCY_CAP',
  'TOUCHPOINT_TYPE_CAP',
  'QUIET_HOURS',
] as const;
export type PolicyReason = (typeof POLICY_REASONS)[number];

export type PolicyDecision =
  | { outcome: 'send'; channel: Channel; dueAt: Date }
  /** Quiet hours: the survey is scheduled for the end of them, never dropped. */
  | { outcome: 'defer'; channel: Channel; dueAt: Date; reason: 'QUIET_HOURS'; detail: string }
  | { outcome: 'suppress'; reason: Exclude<PolicyReason, 'QUIET_HOURS'>; detail: string };

/** A touchpoint (or an ad-hoc request) that may become a survey. */
export interface ContactTrigger {
  touchpointId: string;
  touchpointType: string;
  attributes: Readonly<Record<string, string>>;
  /** Ad-hoc sends may ask for a channel; otherwise the customer's preferred reachable one is used. */
  channelOverride?: Channel;
}

/** An opt-out the customer made themselves (unsubscribe link, SMS STOP); no CRM import clears it (ADR 0034). */
export interface OwnOptOut {
  /** Channel.UNSPECIFIED: every channel. */
  channel: Channel;
  source: OptOutSource;
  at: Date;
}

/** What the policy needs to know about a customer; no addresses, only whether a channel reaches them. */
export interface ContactProfile {
  /** The CRM's opt-out facts, as last imported. */
  optedOut: boolean;
  optedOutChannels: readonly Channel[];
  ownOptOuts: readonly OwnOptOut[];
  preferredChannel: Channel | null;
  /** Channels for which an address (email, phone, webhook) is known and configured. */
  reachable: readonly Channel[];
  timeZone: string;
  facts: Readonly<Record<string, string>>;
}

export interface ContactHistory {
  /** A survey request or a recorded decision already exists for this touchpoint (type + id). */
  touchpointSeen: boolean;
  /** Survey requests of the customer that count against caps (not failed), newest first. */
  recentRequests: readonly { touchpointType: string; requestedAt: Date }[];
  /** When the customer was erased (ADR 0038): never contacted again, whatever the CRM sends later. */
  erasedAt?: Date | null;
}
