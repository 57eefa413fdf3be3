import type { components as caseManagement } from '../api/generated/case-management';
import type { components as scoring } from '../api/generated/scoring';

// The answers of the APIs the dashboard reads, generated from docs/openapi/scoring.json and
// docs/openapi/case-management.json.
type Scoring = scoring['schemas'];
type CaseManagement = caseManagement['schemas'];

/** The console's own: the intervals the dashboard offers (scoring also answers `quarter`). */
export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** The console's own: the dimensions the breakdown offers (scoring also groups by `tier` and `tag`). */
export const BREAKDOWN_DIMENSIONS = ['segment', 'region', 'channel', 'touchpointType', 'language'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** NPS of a set of answers with its statistics (docs/nps-statistics.md): a compare side, the drivers' overall. */
export type NpsSummary = Scoring['NpsSummaryDto'];
/** A row of `GET /nps`: `period` is the first local day of the interval (null without one). */
export type NpsRow = Scoring['NpsRowDto'];
/** `GET /nps`. */
export type NpsAnswer = Scoring['NpsAnswerDto'];
export type NpsComparison = Scoring['NpsComparisonDto'];
/** `GET /nps/compare`. */
export type CompareAnswer = Scoring['NpsCompareAnswerDto'];
export type Driver = Scoring['DriverDto'];
/** `GET /nps/drivers`. */
export type DriversAnswer = Scoring['DriversAnswerDto'];
export type GroupRecovery = Scoring['GroupRecoveryDto'];
/** `GET /nps/recovery` (scoring): followed-up detractors against the holdout. */
export type RecoveryAnswer = Scoring['RecoveryAnswerDto'];

/** A share with the number of cases behind it; null when there are none. */
export type Share = CaseManagement['MetricShareDto'];
export type TeamLoopMetrics = CaseManagement['TeamLoopMetricsDto'];
/** `GET /metrics/loop` (case-management; analysts, leads and admins). */
export type LoopMetricsAnswer = CaseManagement['LoopMetricsDto'];
