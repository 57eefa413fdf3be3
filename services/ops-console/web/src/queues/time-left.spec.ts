import { describe, expect, it } from '@jest/globals';
import { formatInstant, shortDuration, timeLeft } from './time-left';

const now = Date.parse('2026-03-02T12:00:00Z');

describe('time left', () => {
  it('counts down to the deadline and up past it', () => {
    expect(timeLeft('2026-03-02T15:04:30Z', now)).toEqual({ overdue: false, days: 0, hours: 3, minutes: 5 });
    expect(timeLeft('2026-03-04T13:00:00Z', now)).toEqual({ overdue: false, days: 2, hours: 1, minutes: 0 });
    expect(timeLeft('2026-03-02T11:20:00Z', now)).toEqual({ overdue: true, days: 0, hours: 0, minutes: 40 });
  });

  it('writes the two largest units', () => {
    expect(shortDuration({ overdue: false, days: 2, hours: 1, minutes: 9 })).toBe('2 d 1 h');
    expect(shortDuration({ overdue: false, days: 0, hours: 3, minutes: 5 })).toBe('3 h 05 min');
    expect(shortDuration({ overdue: true, days: 0, hours: 0, minutes: 40 })).toBe('40 min');
  });

  it("shows an instant in the viewer's time zone", () => {
    expect(formatInstant('2026-03-02T16:00:00Z', 'Europe/Amsterdam', 'en-GB')).toBe('Mon 2 Mar, 17:00 CET');
    expect(formatInstant('2026-03-02T16:00:00Z', 'America/New_York', 'en-GB')).toContain('11:00');
  });
});
