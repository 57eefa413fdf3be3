import { Channel } from '../generated/nps/v1/channel_pb';

/**
 * The name of each channel in every API, database column and document of the platform: the enum
 * value's name in lower case (`CHANNEL_IN_APP` → `in_app`). One table, so that no service spells
 * a channel its own way (docs/adr/0012-shared-vocabulary-and-taxonomy-events.md).
 */
const NAMES = {
  email: Channel.EMAIL,
  sms: Channel.SMS,
  webhook: Channel.WEBHOOK,
  in_app: Channel.IN_APP,
  store: Channel.STORE,
  web: Channel.WEB,
  phone: Channel.PHONE,
} as const satisfies Record<string, Exclude<Channel, Channel.UNSPECIFIED>>;

export type ChannelName = keyof typeof NAMES;

/** Every channel name, in the order of the enum. */
export const CHANNEL_NAMES = Object.keys(NAMES) as readonly ChannelName[];

const BY_CHANNEL = new Map<Channel, ChannelName>(
  Object.entries(NAMES).map(([name, channel]) => [channel, name as ChannelName]),
);

/** The API name of `channel`; undefined for CHANNEL_UNSPECIFIED and for a number this contract does not know. */
export function channelName(channel: Channel): ChannelName | undefined {
  return BY_CHANNEL.get(channel);
}

/** The channel an API name stands for, in any letter case (`in_app`, `IN_APP`); undefined for anything else. */
export function channelFromName(name: string): Channel | undefined {
  const lower = name.toLowerCase();
  return Object.hasOwn(NAMES, lower) ? NAMES[lower as ChannelName] : undefined;
}
