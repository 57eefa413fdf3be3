import { addDays } from '../nps/local-day';
import type { Interval } from '../nps/dimensions';
import { type Grain, periodEnd, periodStart } from './rollup.grains';

/**
 * Rows of one grain's table to read: those whose period starts from `from` to `to` (inclusive;
 * undefined is open). Every period read lies wholly inside the question's days.
 */
export interface CoverPiece {
  grain: Grain;
  from?: string;
  to?: string;
}

/**
 * The coarsest rows that add up to exactly the local days `from`–`to` (undefined: open) and still
 * fall each inside one period of `interval`: whole months from the month table, whole weeks of
 * the ragged month ends from the week table, and the days left from the day table. `interval=week`
 * reads whole weeks and edge days (weeks do not nest in months); `interval=day` reads days.
 */
export function coverOf(from: string | undefined, to: string | undefined, interval?: Interval): CoverPiece[] {
  if (interval === 'day') return [{ grain: 'day', from, to }];
  if (interval === 'week') return split(from, to, 'week');
  return split(from, to, 'month').flatMap((piece) =>
    piece.grain === 'day' ? withinMonths(piece).flatMap((days) => split(days.from, days.to, 'week')) : [piece],
  );
}

/** A day piece cut at the month boundary it may cross (at most one: it holds no whole month). */
function withinMonths({ from, to }: CoverPiece): CoverPiece[] {
  if (from === undefined || to === undefined || periodStart(from, 'month') === periodStart(to, 'month'))
    return [{ grain: 'day', from, to }];
  return [
    { grain: 'day', from, to: periodEnd(from, 'month') },
    { grain: 'day', from: periodStart(to, 'month'), to },
  ];
}

/** Whole `grain` periods inside `from`–`to` as one piece, the ragged ends as day pieces. */
function split(from: string | undefined, to: string | undefined, grain: Grain): CoverPiece[] {
  // First day of the first whole period, last day of the last whole one (undefined: open).
  const first = from === undefined || periodStart(from, grain) === from ? from : addDays(periodEnd(from, grain), 1);
  const last = to === undefined || periodEnd(to, grain) === to ? to : addDays(periodStart(to, grain), -1);
  if (first !== undefined && last !== undefined && first > last) return [{ grain: 'day', from, to }];
  const pieces: CoverPiece[] = [];
  if (from !== undefined && first !== from) pieces.push({ grain: 'day', from, to: addDays(first as string, -1) });
  pieces.push({ grain, from: first, to: last === undefined ? undefined : periodStart(last, grain) });
  if (to !== undefined && last !== to) pieces.push({ grain: 'day', from: addDays(last as string, 1), to });
  return pieces;
}
