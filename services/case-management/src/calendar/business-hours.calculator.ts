import { DateTime } from 'luxon';
import type { TeamCalendar } from './team-calendar';

const MAX_DAYS_SEARCHED = 3660;

/** Deadlines counted in a team's business hours: only working minutes on working, non-holiday days count. */
export class BusinessHoursCalculator {
  /** The instant `minutes` working minutes after `start` in `calendar`. */
  static addWorkingMinutes(start: Date, minutes: number, calendar: TeamCalendar): Date {
    const holidays = new Set(calendar.holidays);
    let cursor = DateTime.fromJSDate(start, { zone: calendar.timeZone });
    if (!cursor.isValid) throw new RangeError(`unknown time zone ${calendar.timeZone}`);
    let remaining = minutes;
    for (let day = 0; day < MAX_DAYS_SEARCHED; day++) {
      const { open, close } = workingWindow(cursor, calendar);
      const working = calendar.workingDays.includes(cursor.weekday) && !holidays.has(cursor.toISODate() ?? '');
      if (working && cursor < close) {
        const from = cursor < open ? open : cursor;
        const available = close.diff(from, 'minutes').minutes;
        if (remaining <= available) return from.plus({ minutes: remaining }).toJSDate();
        remaining -= available;
      }
      cursor = cursor.plus({ days: 1 }).startOf('day');
    }
    throw new RangeError('the calendar has no working time: check its working days and hours');
  }
}

function workingWindow(cursor: DateTime, calendar: TeamCalendar): { open: DateTime; close: DateTime } {
  const day = cursor.startOf('day');
  return { open: atLocalTime(day, calendar.dayStart), close: atLocalTime(day, calendar.dayEnd) };
}

/** `HH:mm` on the local day; DST gaps move forward, as luxon does. */
function atLocalTime(day: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  if (hour === 24) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}
