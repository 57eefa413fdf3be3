import { Channel } from '@nps/contracts';

/** How the API and the rollups name channels: `CHANNEL_IN_APP` → `in-app`; unknown → ''. */
export const CHANNEL_NAMES = ['email', 'sms', 'webhook', 'in-app', 'store', 'web', 'phone'] as const;

export function channelName(channel: Channel): string {
  if (channel === Channel.UNSPECIFIED || Channel[channel] === undefined) return '';
  return Channel[channel].toLowerCase().replaceAll('_', '-');
}

export function channelOf(name: string): Channel {
  const key = name.toUpperCase().replaceAll('-', '_') as keyof typeof Channel;
  return name === '' || Channel[key] === undefined ? Channel.UNSPECIFIED : Channel[key];
}
