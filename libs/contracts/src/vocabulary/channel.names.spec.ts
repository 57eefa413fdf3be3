import { Channel } from '../generated/nps/v1/channel_pb';
import { CHANNEL_NAMES, channelFromName, channelName } from './channel.names';

describe('channel names', () => {
  const named = Object.values(Channel).filter(
    (value): value is Channel => typeof value === 'number' && value !== Channel.UNSPECIFIED,
  );

  it('name every channel of the contract, as its enum name in lower case', () => {
    expect(named.map((channel) => channelName(channel))).toEqual(
      named.map((channel) => Channel[channel].toLowerCase()),
    );
    expect(CHANNEL_NAMES).toEqual(named.map((channel) => Channel[channel].toLowerCase()));
  });

  it.each(named.map((channel) => [Channel[channel], channel] as const))(
    'read %s back from its name in any case',
    (_, channel) => {
      const name = channelName(channel) ?? '';
      expect([channelFromName(name), channelFromName(name.toUpperCase())]).toEqual([channel, channel]);
    },
  );

  it('spell in-app with an underscore', () => {
    expect(channelName(Channel.IN_APP)).toBe('in_app');
    expect(channelFromName('in-app')).toBeUndefined();
  });

  it('give no name to an unspecified or unknown channel, and no channel to an unknown name', () => {
    expect([channelName(Channel.UNSPECIFIED), channelName(99 as Channel)]).toEqual([undefined, undefined]);
    for (const name of ['', 'unspecified', 'pigeon', 'toString', '__proto__'])
      expect(channelFromName(name)).toBeUndefined();
  });
});
