import { DateTime } from 'luxon';
import { LocalDays } from '../calendar/local-days';

// Cases opened together share their deadlines' minutes; luxon and Intl work each one out once (ADR 0045).
const MAX_KEPT = 10_000;
const dayAndTimeShown = new Map<string, string>();

/**
 * A deadline as the team reads it, in its time zone and language, with the instant in ISO 8601 for
 * machines: "tomorrow 16:00 (Europe/Amsterdam, 2026-12-03T15:00:00.000Z)". The day is relative to `now`:
 * yesterday, today or tomorrow, a weekday within the week ahead, else the date.
 */
export function formatDeadline(due: Date, now: Date, timeZone: string, language: string): string {
  const today = LocalDays.of(timeZone).containing(now.getTime()).date;
  // Offsets are whole minutes, so the shown day and time depend on nothing finer than this key.
  const key = `${timeZone}|${language}|${today}|${Math.floor(due.getTime() / 60_000)}`;
  let shown = dayAndTimeShown.get(key);
  if (shown === undefined) {
    if (dayAndTimeShown.size >= MAX_KEPT) dayAndTimeShown.clear();
    shown = dayAndTime(due, now, timeZone, language);
    dayAndTimeShown.set(key, shown);
  }
  return `${shown} (${timeZone}, ${due.toISOString()})`;
}

function dayAndTime(due: Date, now: Date, timeZone: string, language: string): string {
  const local = DateTime.fromJSDate(due, { zone: timeZone }).setLocale(language);
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  // Calendar days, so a 23- or 25-hour day at a DST change still counts as one.
  const days = Math.round(local.startOf('day').diff(today, 'days').days);
  return `${dayOf(local, days, today.year, language)} ${local.toFormat('HH:mm')}`;
}

function dayOf(local: DateTime, days: number, thisYear: number, language: string): string {
  if (Math.abs(days) <= 1) return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(days, 'day');
  if (days > 1 && days < 7) return local.toFormat('cccc');
  return local.toLocaleString({
    day: 'numeric',
    month: 'long',
    ...(local.year !== thisYear ? { year: 'numeric' } : {}),
  });
}
