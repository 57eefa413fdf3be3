import { seededRandom } from '@nps/testing';
import { DateTime } from 'luxon';
import { BusinessHoursCalculator } from './business-hours.calculator';
import type { TeamCalendar } from './team-calendar';

const amsterdam: TeamCalendar = {
  timeZone: 'Europe/Amsterdam',
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '17:00',
  holidays: ['2026-12-25', '2026-12-28'],
};
const newYork: TeamCalendar = {
  timeZone: 'America/New_York',
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '08:00',
  dayEnd: '16:00',
  holidays: [],
};
const tokyo: TeamCalendar = {
  timeZone: 'Asia/Tokyo',
  workingDays: [1, 2, 3, 4, 5, 6],
  dayStart: '10:00',
  dayEnd: '18:00',
  holidays: ['2026-11-23'],
};
const allDay: TeamCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  dayStart: '00:00',
  dayEnd: '24:00',
  holidays: [],
};

describe('BusinessHoursCalculator.addWorkingMinutes', () => {
  // 2026-11-20 is a Friday; 2026-12-25 (Fri) and 2026-12-28 (Mon) are holidays in the Amsterdam calendar.
  it.each([
    ['within one working day', amsterdam, '2026-11-18T09:00:00Z', 240, '2026-11-18T13:00:00Z'],
    ['before opening: the clock starts at 09:00 local', amsterdam, '2026-11-18T05:00:00Z', 60, '2026-11-18T09:00:00Z'],
    [
      'after closing: the clock starts the next working morning',
      amsterdam,
      '2026-11-18T17:30:00Z',
      60,
      '2026-11-19T09:00:00Z',
    ],
    ['Friday afternoon across the weekend to Monday', amsterdam, '2026-11-20T14:00:00Z', 240, '2026-11-23T10:00:00Z'],
    ['received on Saturday: starts Monday 09:00', amsterdam, '2026-11-21T10:00:00Z', 480, '2026-11-23T16:00:00Z'],
    [
      '16:00 CET on Christmas Eve: holiday Friday, weekend and holiday Monday skipped',
      amsterdam,
      '2026-12-24T15:00:00Z',
      240,
      '2026-12-29T11:00:00Z',
    ],
    ['exactly to closing time stays on that day', amsterdam, '2026-11-18T08:00:00Z', 480, '2026-11-18T16:00:00Z'],
    ['New York hours in its own zone (UTC-5)', newYork, '2026-11-18T12:00:00Z', 180, '2026-11-18T16:00:00Z'],
    ['New York Friday end to Monday', newYork, '2026-11-20T20:30:00Z', 60, '2026-11-23T13:30:00Z'],
    ['Tokyo works Saturdays', tokyo, '2026-11-21T08:00:00Z', 60, '2026-11-21T09:00:00Z'],
    ['Tokyo holiday on a Monday, Sunday off', tokyo, '2026-11-21T08:30:00Z', 45, '2026-11-24T01:15:00Z'],
    ['a 24/7 calendar is plain elapsed time', allDay, '2026-11-21T23:30:00Z', 90, '2026-11-22T01:00:00Z'],
    [
      'Amsterdam across the end of DST counts wall-clock working hours',
      amsterdam,
      '2026-10-23T14:00:00Z',
      120,
      '2026-10-26T09:00:00Z',
    ],
  ])('%s', (_case, calendar, start, minutes, expected) => {
    expect(BusinessHoursCalculator.addWorkingMinutes(new Date(start), minutes, calendar).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });

  it('refuses a calendar without working time', () => {
    expect(() => BusinessHoursCalculator.addWorkingMinutes(new Date(), 60, { ...allDay, workingDays: [] })).toThrow(
      /no working time/,
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() =>
      BusinessHoursCalculator.addWorkingMinutes(new Date(), 60, { ...allDay, timeZone: 'Mars/Olympus' }),
    ).toThrow(/time zone/);
  });

  // The calculator keeps each local day's instants (LocalDays); this walks the days with luxon alone, the
  // way it did before, and both must agree everywhere: DST changes, midnight, holidays, 24:00.
  it('agrees with a day-by-day luxon walk on 3,000 random starts around DST changes and holidays', () => {
    const random = seededRandom(45);
    const halfHour = { ...newYork, dayStart: '01:30', dayEnd: '24:00', workingDays: [1, 2, 3, 4, 5, 6, 7] };
    const calendars = [amsterdam, newYork, tokyo, allDay, halfHour, { ...amsterdam, timeZone: 'America/Santiago' }];
    const from = Date.parse('2026-03-01T00:00:00Z');
    for (let i = 0; i < 3000; i++) {
      const calendar = calendars[Math.floor(random() * calendars.length)];
      const start = new Date(from + Math.floor(random() * 300 * 86_400_000));
      const minutes = Math.floor(random() * 6000);
      expect([calendar.timeZone, start.toISOString(), minutes, addWithLuxon(start, minutes, calendar)]).toEqual([
        calendar.timeZone,
        start.toISOString(),
        minutes,
        BusinessHoursCalculator.addWorkingMinutes(start, minutes, calendar).toISOString(),
      ]);
    }
  });
});

function addWithLuxon(start: Date, minutes: number, calendar: TeamCalendar): string {
  const at = (day: DateTime, time: string) => {
    const [hour, minute] = time.split(':').map(Number);
    return hour === 24 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour, minute, second: 0, millisecond: 0 });
  };
  let cursor = DateTime.fromJSDate(start, { zone: calendar.timeZone });
  let remaining = minutes;
  for (;;) {
    const day = cursor.startOf('day');
    const [open, close] = [at(day, calendar.dayStart), at(day, calendar.dayEnd)];
    const working =
      calendar.workingDays.includes(cursor.weekday) && !calendar.holidays.includes(cursor.toISODate() ?? '');
    if (working && cursor < close) {
      const from = cursor < open ? open : cursor;
      const available = close.diff(from, 'minutes').minutes;
      if (remaining <= available) return from.plus({ minutes: remaining }).toJSDate().toISOString();
      remaining -= available;
    }
    cursor = cursor.plus({ days: 1 }).startOf('day');
  }
}
