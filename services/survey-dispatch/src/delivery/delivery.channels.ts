import { Channel } from '@nps/contracts';

/** The channels surveys are delivered through, by API name, in the order tried when the preferred one is not usable. */
export const DELIVERY_CHANNELS = { email: Channel.EMAIL, sms: Channel.SMS, webhook: Channel.WEBHOOK } as const;

export type DeliveryChannelName = keyof typeof DELIVERY_CHANNELS;

export const DELIVERY_CHANNEL_NAMES = Object.keys(DELIVERY_CHANNELS) as readonly DeliveryChannelName[];

/** The channel an API name stands for; undefined for any name that is not a delivery channel. */
export function deliveryChannelOf(name: string): Channel | undefined {
  return Object.hasOwn(DELIVERY_CHANNELS, name) ? DELIVERY_CHANNELS[name as DeliveryChannelName] : undefined;
}

const NAME_OF = new Map<Channel, DeliveryChannelName>(
  DELIVERY_CHANNEL_NAMES.map((name) => [DELIVERY_CHANNELS[name], name]),
);

/**
 * The API name of a survey request's channel. Every request is stored with a delivery channel (the contact policy
 * picks one of them), so any other value is a broken row and fails loudly rather than answering a name the API's
 * schema does not know.
 */
export function deliveryChannelName(channel: Channel): DeliveryChannelName {
  const name = NAME_OF.get(channel);
  if (!name) throw new Error(`channel ${Channel[channel] ?? channel} is not a delivery channel`);
  return name;
}
