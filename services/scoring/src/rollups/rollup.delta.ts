import type { NpsCategoryName } from '@nps/contracts';
import { type Grain, periodStart } from './rollup.grains';

/** The rollup dimensions of a response besides its day. */
export interface RollupDimensions {
  touchpointType: string;
  channel: string;
  segment: string;
  region: string;
  tier: string;
  language: string;
}

/** What a counted response (original received, category known) adds to the rollups. */
export interface Contribution {
  category: NpsCategoryName;
  /** Its local day in each rolled-up zone, in the order of the zones. */
  days: string[];
  dimensions: RollupDimensions;
  tags: string[];
}

/** A change of one rollup row (or tag rollup row, with `tagId`). */
export interface RollupDelta extends RollupDimensions {
  zone: string;
  day: string;
  tagId?: string;
  promoters: number;
  passives: number;
  detractors: number;
}

/** The rollup and tag rollup rows one event changes. */
export interface RollupChanges {
  rollups: RollupDelta[];
  tagRollups: RollupDelta[];
}

const FIELD: Record<NpsCategoryName, 'promoters' | 'passives' | 'detractors'> = {
  promoter: 'promoters',
  passive: 'passives',
  detractor: 'detractors',
};

/**
 * The rollup changes that turn the contributions `before` into those `after`: each is removed
 * from its row and added to its new one, and changes that cancel out are dropped. Sorted by key,
 * so concurrent writers lock rollup rows in the same order.
 */
export function rollupDeltas(zones: string[], before: Contribution[], after: Contribution[]): RollupChanges {
  const rollups = new Map<string, RollupDelta>();
  const tagRollups = new Map<string, RollupDelta>();
  const add = (contribution: Contribution, sign: number) => {
    zones.forEach((zone, z) => {
      const row = { zone, day: contribution.days[z], ...contribution.dimensions };
      bump(rollups, row, contribution.category, sign);
      for (const tagId of contribution.tags) bump(tagRollups, { ...row, tagId }, contribution.category, sign);
    });
  };
  before.forEach((contribution) => add(contribution, -1));
  after.forEach((contribution) => add(contribution, 1));
  return { rollups: changed(rollups), tagRollups: changed(tagRollups) };
}

function bump(
  rows: Map<string, RollupDelta>,
  row: Omit<RollupDelta, 'promoters' | 'passives' | 'detractors'>,
  category: NpsCategoryName,
  sign: number,
): void {
  const delta = rows.get(keyOf(row)) ?? { ...row, promoters: 0, passives: 0, detractors: 0 };
  delta[FIELD[category]] += sign;
  rows.set(keyOf(row), delta);
}

/**
 * The same changes counted per week or month (`day` becomes the period's first day), in the same
 * key order: what the coarser rollup tables take from the day deltas of one event.
 */
export function coarsen(deltas: RollupDelta[], grain: Grain): RollupDelta[] {
  if (grain === 'day') return deltas;
  return summed(deltas.map((delta) => ({ ...delta, day: periodStart(delta.day, grain) })));
}

/** The changes of several events added up per row, in key order: a batch's rollup writes at once. */
export function sumDeltas(changes: RollupChanges[]): RollupChanges {
  return {
    rollups: summed(changes.flatMap((change) => change.rollups)),
    tagRollups: summed(changes.flatMap((change) => change.tagRollups)),
  };
}

function summed(deltas: RollupDelta[]): RollupDelta[] {
  const rows = new Map<string, RollupDelta>();
  for (const delta of deltas) {
    const sum = rows.get(keyOf(delta));
    if (sum) {
      sum.promoters += delta.promoters;
      sum.passives += delta.passives;
      sum.detractors += delta.detractors;
    } else rows.set(keyOf(delta), { ...delta });
  }
  return changed(rows);
}

function keyOf(row: Omit<RollupDelta, 'promoters' | 'passives' | 'detractors'>): string {
  return [
    row.zone,
    row.tagId ?? '',
    row.day,
    row.touchpointType,
    row.channel,
    row.segment,
    row.region,
    row.tier,
    row.language,
  ].join('\u0000');
}

function changed(rows: Map<string, RollupDelta>): RollupDelta[] {
  return [...rows]
    .filter(([, delta]) => delta.promoters !== 0 || delta.passives !== 0 || delta.detractors !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, delta]) => delta);
}

/** The contributions that exist (a response not counted has none). */
export function nonNull<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}
