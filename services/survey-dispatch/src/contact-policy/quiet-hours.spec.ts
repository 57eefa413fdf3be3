import { nextAllowedTime, parseQuietHours } from './quiet-hours';

const night = parseQuietHours('21:00-08:00');
const lunch = parseQuietHours('12:00-13:30');

describe('nextAllowedTime', () => {
  it.each([
    ['outside quiet hours: now', '2026-11-23T10:00:00Z', 'Europe/Amsterdam', night, '2026-11-23T10:00:00.000Z'],
    ['22:30 local: 08:00 the next day', '2026-11-23T21:30:00Z', 'Europe/Amsterdam', night, '2026-11-24T07:00:00.000Z'],
    ['03:00 local: 08:00 the same day', '2026-11-24T02:00:00Z', 'Europe/Amsterdam', night, '2026-11-24T07:00:00.000Z'],
    ['exactly 08:00 local is allowed', '2026-11-24T07:00:00Z', 'Europe/Amsterdam', night, '2026-11-24T07:00:00.000Z'],
    ['exactly 21:00 local is quiet', '2026-11-23T20:00:00Z', 'Europe/Amsterdam', night, '2026-11-24T07:00:00.000Z'],
    [
      'the night DST starts (29 March 2026), 08:00 is CEST',
      '2026-03-29T00:30:00Z',
      'Europe/Amsterdam',
      night,
      '2026-03-29T06:00:00.000Z',
    ],
    ['a window within one day', '2026-11-23T11:15:00Z', 'Europe/Amsterdam', lunch, '2026-11-23T12:30:00.000Z'],
    ['off', '2026-11-23T23:00:00Z', 'Europe/Amsterdam', parseQuietHours('off'), '2026-11-23T23:00:00.000Z'],
  ])('%s', (_, now, zone, quiet, expected) => {
    expect(nextAllowedTime(new Date(now), zone, quiet).toISOString()).toBe(expected);
  });
});
