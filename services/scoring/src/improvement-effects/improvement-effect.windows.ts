import { addDays, dayCount, localDay } from '../nps/local-day';

/** A period of whole local days; `from`/`to` null when it has no day yet. */
export interface EffectWindow {
  from: string | null;
  to: string | null;
  days: number;
}

/**
 * The windows an effect compares: the `windowDays` local days before the release day, and as many
 * after it, cut at today. The release day itself is in neither: the rollups count whole days, and
 * that day holds answers from before and after the fix (ADR 0033).
 */
export function effectWindows(
  releasedAt: Date,
  windowDays: number,
  timeZone: string,
  now: Date,
): { releaseDay: string; before: EffectWindow & { from: string; to: string }; after: EffectWindow } {
  const releaseDay = localDay(releasedAt, timeZone);
  const today = localDay(now, timeZone);
  const before = { from: addDays(releaseDay, -windowDays), to: addDays(releaseDay, -1), days: windowDays };
  const afterFrom = addDays(releaseDay, 1);
  const fullAfterTo = addDays(releaseDay, windowDays);
  const afterTo = fullAfterTo < today ? fullAfterTo : today;
  const days = dayCount(afterFrom, afterTo);
  return {
    releaseDay,
    before,
    after: days > 0 ? { from: afterFrom, to: afterTo, days } : { from: null, to: null, days: 0 },
  };
}
