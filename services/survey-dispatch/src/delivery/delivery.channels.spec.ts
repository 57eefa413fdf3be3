import { Channel } from '@nps/contracts';
import { DELIVERY_CHANNEL_NAMES, deliveryChannelName, deliveryChannelOf } from './delivery.channels';

describe('delivery channels', () => {
  it('name email, sms and webhook, in the order tried', () => {
    expect(DELIVERY_CHANNEL_NAMES).toEqual(['email', 'sms', 'webhook']);
    expect(DELIVERY_CHANNEL_NAMES.map(deliveryChannelOf)).toEqual([Channel.EMAIL, Channel.SMS, Channel.WEBHOOK]);
    expect([Channel.EMAIL, Channel.SMS, Channel.WEBHOOK].map(deliveryChannelName)).toEqual(['email', 'sms', 'webhook']);
  });

  it('know no other channel by name', () => {
    for (const name of ['in_app', 'all', 'EMAIL', 'toString', '__proto__', ''])
      expect(deliveryChannelOf(name)).toBeUndefined();
  });

  it('refuse to name a channel surveys are not delivered through', () => {
    expect(() => deliveryChannelName(Channel.UNSPECIFIED)).toThrow('channel UNSPECIFIED is not a delivery channel');
    expect(() => deliveryChannelName(Channel.IN_APP)).toThrow('channel IN_APP is not a delivery channel');
    expect(() => deliveryChannelName(99 as Channel)).toThrow('channel 99 is not a delivery channel');
  });
});
