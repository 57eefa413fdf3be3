import { DateTime } from 'luxon';

/** A daily local-time window; `startMinute > endMinute` spans midnight (21:00-08:00). */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** Parses `HH:mm-HH:mm`; `off` (or an empty window) means no quiet hours. */
export function parseQuietHours(spec: string): QuietHours | undefined {
  if (spec === 'off') return undefined;
  const [start, end] = spec.split('-').map((part) => {
    const [hours, minutes] = part.split(':').map(Number);
    return hours * 60 + minutes;
  });
  return start === end ? undefined : { startMinute: start, endMinute: end };
}

/** The first moment at or after `now` outside quiet hours, in `timeZone` (DST-aware through luxon). */
export function nextAllowedTime(now: Date, timeZone: string, quiet: QuietHours | undefined): Date {
  if (!quiet) return now;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const minute = local.hour * 60 + local.minute;
  const spansMidnight = quiet.startMinute > quiet.endMinute;
  const inside = spansMidnight
    ? minute >= quiet.startMinute || minute < quiet.endMinute
    : minute >= quiet.startMinute && minute < quiet.endMinute;
  if (!inside) return now;
  const endsTomorrow = spansMidnight && minute >= quiet.startMinute;
  const end = local
    .startOf('day')
    .plus({ days: endsTomorrow ? 1 : 0 })
    .set({ hour: Math.floor(quiet.endMinute / 60), minute: quiet.endMinute % 60 });
  return end.toJSDate();
}
