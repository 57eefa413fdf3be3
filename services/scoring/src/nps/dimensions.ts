/** What NPS can be filtered and grouped by, and the rollup column holding it. */
export const DIMENSION_COLUMNS = {
  touchpointType: 'touchpoint_type',
  channel: 'channel',
  segment: 'segment',
  region: 'region',
  tier: 'tier',
  language: 'language',
  tag: 'tag_id',
} as const;

export type Dimension = keyof typeof DIMENSION_COLUMNS;
export const DIMENSIONS = Object.keys(DIMENSION_COLUMNS) as Dimension[];

export const INTERVALS = ['day', 'week', 'month', 'quarter'] as const;
export type Interval = (typeof INTERVALS)[number];

/** Filters of an NPS question; every dimension but `tag` takes several values (any of them). */
export interface NpsFilter {
  /** First and last local day, inclusive (YYYY-MM-DD), in `timeZone`. */
  from?: string;
  to?: string;
  timeZone: string;
  touchpointType?: string[];
  channel?: string[];
  segment?: string[];
  region?: string[];
  tier?: string[];
  language?: string[];
  tag?: string;
}
