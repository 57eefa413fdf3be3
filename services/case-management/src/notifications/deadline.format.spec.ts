import { formatDeadline } from './deadline.format';

const AMSTERDAM = 'Europe/Amsterdam';

describe('formatDeadline', () => {
  // Wednesday 2 December 2026, 10:00 in Amsterdam (CET, UTC+1).
  const now = new Date('2026-12-02T09:00:00Z');

  it.each([
    ['later today', '2026-12-02T15:00:00Z', 'en', 'today 16:00'],
    ['tomorrow', '2026-12-03T15:00:00Z', 'en', 'tomorrow 16:00'],
    ['yesterday (overdue)', '2026-12-01T08:30:00Z', 'en', 'yesterday 09:30'],
    ['a weekday within the week', '2026-12-04T11:00:00Z', 'en', 'Friday 12:00'],
    ['the same weekday next week: a date', '2026-12-09T11:00:00Z', 'en', 'December 9 12:00'],
    ['next year: a date with the year', '2027-01-05T08:00:00Z', 'en', 'January 5, 2027 09:00'],
    ['Dutch: today', '2026-12-02T15:00:00Z', 'nl', 'vandaag 16:00'],
    ['Dutch: tomorrow', '2026-12-03T15:00:00Z', 'nl', 'morgen 16:00'],
    ['Dutch: a weekday', '2026-12-04T11:00:00Z', 'nl', 'vrijdag 12:00'],
    ['Dutch: a date', '2026-12-09T11:00:00Z', 'nl', '9 december 12:00'],
  ])('%s', (_case, due, language, shown) => {
    expect(formatDeadline(new Date(due), now, AMSTERDAM, language)).toBe(
      `${shown} (${AMSTERDAM}, ${due.replace('Z', '.000Z')})`,
    );
  });

  it("takes the day from the team's time zone, not from UTC", () => {
    // 23:30 UTC is already tomorrow in Amsterdam, still today in UTC.
    expect(formatDeadline(new Date('2026-12-02T23:30:00Z'), now, AMSTERDAM, 'en')).toMatch(/^tomorrow 00:30 /);
    expect(formatDeadline(new Date('2026-12-02T23:30:00Z'), now, 'UTC', 'en')).toMatch(/^today 23:30 \(UTC, /);
    expect(formatDeadline(new Date('2026-12-03T03:00:00Z'), now, 'America/New_York', 'en')).toMatch(/^today 22:00 /);
  });

  it('counts calendar days across a DST change, and shows the local time after it', () => {
    // Clocks go forward on Sunday 29 March 2026 at 02:00 in Amsterdam: that day has 23 hours.
    const saturdayNight = new Date('2026-03-28T22:30:00Z'); // 23:30 CET
    expect(formatDeadline(new Date('2026-03-29T14:00:00Z'), saturdayNight, AMSTERDAM, 'en')).toMatch(
      /^tomorrow 16:00 /,
    );
    expect(formatDeadline(new Date('2026-03-30T06:00:00Z'), saturdayNight, AMSTERDAM, 'en')).toMatch(/^Monday 08:00 /);
    // Clocks go back on Sunday 25 October 2026 at 03:00: that day has 25 hours.
    const sundayMorning = new Date('2026-10-25T00:30:00Z'); // 02:30 CEST
    expect(formatDeadline(new Date('2026-10-25T22:30:00Z'), sundayMorning, AMSTERDAM, 'en')).toMatch(/^today 23:30 /);
    expect(formatDeadline(new Date('2026-10-25T23:30:00Z'), sundayMorning, AMSTERDAM, 'en')).toMatch(
      /^tomorrow 00:30 /,
    );
  });
});
