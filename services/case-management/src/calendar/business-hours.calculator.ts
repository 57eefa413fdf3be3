import type { TeamCalendar } from './team-calendar';
import { LocalDays } from './local-days';

const MAX_DAYS_SEARCHED = 3660;
const MINUTE_MS = 60_000;

/** Deadlines counted in a team's business hours: only working minutes on working, non-holiday days count. */
export class BusinessHoursCalculator {
  /** The instant `minutes` working minutes after `start` in `calendar`. */
  static addWorkingMinutes(start: Date, minutes: number, calendar: TeamCalendar): Date {
    const days = LocalDays.of(calendar.timeZone);
    const holidays = new Set(calendar.holidays);
    let cursor = start.getTime();
    let day = days.containing(cursor);
    let remaining = minutes * MINUTE_MS;
    for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
      if (calendar.workingDays.includes(day.weekday) && !holidays.has(day.date)) {
        const close = days.timeOn(day, calendar.dayEnd);
        if (cursor < close) {
          const from = Math.max(cursor, days.timeOn(day, calendar.dayStart));
          if (remaining <= close - from) return new Date(from + remaining);
          remaining -= close - from;
        }
      }
      day = days.after(day);
      cursor = day.startsAt;
    }
    throw new RangeError('the calendar has no working time: check its working days and hours');
  }
}
