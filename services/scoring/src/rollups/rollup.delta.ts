import type { NpsCategory } from '../nps/nps.calculator';

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
  category: NpsCategory;
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

const FIELD: Record<NpsCategory, 'promoters' | 'passives' | 'detractors'> = {
  promoter: 'promoters',
  passive: 'passives',
  detractor: 'detractors',
};

/**
 * The rollup changes that turn the contributions `before` into those `after`: each is removed
 * from its row and added to its new one, and changes that cancel out are dropped. Sorted by key,
 * so concurrent writers lock rollup rows in the same order.
 */
export function rollupDeltas(
  zones: string[],
  before: Contribution[],
  after: Contribution[],
): { rollups: RollupDelta[]; tagRollups: RollupDelta[] } {
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
  category: NpsCategory,
  sign: number,
): void {
  const key = [
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
  const delta = rows.get(key) ?? { ...row, promoters: 0, passives: 0, detractors: 0 };
  delta[FIELD[category]] += sign;
  rows.set(key, delta);
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
