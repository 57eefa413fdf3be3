import { Channel } from '@nps/contracts';
import { channelName, channelOf } from './channel.names';

describe('channel names', () => {
  it.each([
    [Channel.EMAIL, 'email'],
    [Channel.IN_APP, 'in-app'],
    [Channel.UNSPECIFIED, ''],
    [99 as Channel, ''],
  ])('names %p %p and back', (channel, name) => {
    expect(channelName(channel)).toBe(name);
    expect(channelOf(name)).toBe(name === '' ? Channel.UNSPECIFIED : channel);
  });
});
