/** A duration in whole days, hours and minutes, and whether it is past. */
export interface TimeLeft {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

const MINUTE = 60 * 1000;

/** The time from `now` to `dueAt`, rounded to the minute (towards the deadline). */
export function timeLeft(dueAt: string, now: number): TimeLeft {
  const ms = Date.parse(dueAt) - now;
  const overdue = ms <= 0;
  const total = overdue ? Math.floor(-ms / MINUTE) : Math.ceil(ms / MINUTE);
  return {
    overdue,
    days: Math.floor(total / (24 * 60)),
    hours: Math.floor((total % (24 * 60)) / 60),
    minutes: total % 60,
  };
}

/** "2 d 3 h", "3 h 05 min", "12 min": the two largest units, for a queue cell. */
export function shortDuration({ days, hours, minutes }: TimeLeft): string {
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min`;
}

/** The viewer's IANA time zone, as the browser knows it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A deadline in the viewer's zone and locale (the browser's, e.g. en-GB), e.g. "Mon 2 Mar, 17:00 CET". */
export function formatInstant(iso: string, timeZone: string, locale: string | undefined = browserLocale()): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The browser's locale with its region (i18next keeps only the language), for dates and times. */
export function browserLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}
