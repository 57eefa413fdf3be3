import { addDays } from '../nps/local-day';

/**
 * The periods the rollups count in, finest first: local days, ISO weeks (Monday to Sunday) and
 * calendar months of each rolled-up zone. A week or month row's `day` is the period's first day.
 */
export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

/** The rollup tables counted per tag (`tag_rollups`) or not (`rollups`). */
export type RollupKind = 'rollups' | 'tag_rollups';

/** `rollups`, `rollups_week`, `rollups_month`, and the same for `tag_rollups`. */
export function tableOf(kind: RollupKind, grain: Grain): string {
  return grain === 'day' ? kind : `${kind}_${grain}`;
}

/** The first day of the `grain` period holding the local day `day` (YYYY-MM-DD). */
export function periodStart(day: string, grain: Grain): string {
  if (grain === 'month') return `${day.slice(0, 8)}01`;
  if (grain === 'week') return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  return day;
}

/** The last day of the `grain` period holding `day`. */
export function periodEnd(day: string, grain: Grain): string {
  if (grain === 'month') return addDays(periodStart(addDays(periodStart(day, 'month'), 31), 'month'), -1);
  if (grain === 'week') return addDays(periodStart(day, 'week'), 6);
  return day;
}
