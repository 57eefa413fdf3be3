import type { components } from '../api/generated/case-management';

// The answers of the APIs the dashboard reads. Scoring's are written here, as docs/scoring.md defines
// them (only the fields the dashboard uses), because docs/openapi/scoring.json declares no response
// schemas; case-management's loop metrics are generated from docs/openapi/case-management.json.

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export const BREAKDOWN_DIMENSIONS = ['segment', 'region', 'channel', 'touchpointType', 'language'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** NPS of a set of answers with its statistics (docs/nps-statistics.md). */
export interface NpsSummary {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  promoterPct: number;
  passivePct: number;
  detractorPct: number;
  nps: number;
  standardError: number;
  marginOfError95: number;
  interval95: [number, number];
  lowSample: boolean;
}

export interface NpsRow extends NpsSummary {
  /** First local day of the interval; null without an interval. */
  period: string | null;
  group: Partial<Record<BreakdownDimension | 'tier' | 'tag', string>>;
}

/** `GET /nps`. */
export interface NpsAnswer {
  timeZone: string;
  interval: Interval | 'quarter' | null;
  lowSampleBelow: number;
  rows: NpsRow[];
}

export interface NpsComparison {
  delta: number;
  standardError: number;
  z: number;
  pValue: number;
  significant95: boolean;
  sentence: string;
}

/** `GET /nps/compare`. */
export interface CompareAnswer {
  first: { summary: NpsSummary | null };
  second: { summary: NpsSummary | null };
  change: NpsComparison | null;
}

export interface Driver {
  tag: string;
  n: number;
  detractorShare: number;
  passiveShare: number;
  promoterShare: number;
  nps: number;
  /** Points NPS would gain without the answers carrying the tag; null when every answer carries it. */
  impact: number | null;
  rising: boolean;
}

/** `GET /nps/drivers`. */
export interface DriversAnswer {
  overall: NpsSummary | null;
  previousPeriod: { from: string; to: string } | null;
  drivers: Driver[];
}

export interface GroupRecovery {
  n: number;
  meanChange: number;
  promoterPct: number;
}

/** `GET /nps/recovery` (scoring): followed-up detractors against the holdout. */
export interface RecoveryAnswer {
  rows: {
    followedUp: GroupRecovery | null;
    holdout: GroupRecovery | null;
    uplift: { uplift: number; interval95: [number, number]; significant95: boolean; sentence: string } | null;
  }[];
}

/** A share with the number of cases behind it; null when there are none. */
export type Share = components['schemas']['MetricShareDto'];
export type TeamLoopMetrics = components['schemas']['TeamLoopMetricsDto'];
/** `GET /metrics/loop` (case-management; analysts, leads and admins). */
export type LoopMetricsAnswer = components['schemas']['LoopMetricsDto'];
