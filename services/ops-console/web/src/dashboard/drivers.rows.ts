import type { Driver, NpsSummary } from './dashboard.types';
import { rowIsLowSample } from './low-sample.rule';

/** A root cause as the driver chart and its table show it. */
export interface DriverRow {
  tag: string;
  n: number;
  /** Points NPS would gain without the answers carrying the tag; null when every answer carries it. */
  impact: number | null;
  /** NPS of the answers carrying the tag, with its 95% margin of error (docs/nps-statistics.md). */
  nps: number;
  marginOfError95: number;
  detractorShare: number;
  rising: boolean;
  lowSample: boolean;
}

/**
 * `/nps/drivers` as rows, in the API's order (largest impact first). The API gives a tag's NPS but
 * not its margin: the tag's promoters and detractors are its shares of the period's, so the margin
 * follows from them by the same formula as every other NPS (SE = 100·√((p + d − (p − d)²) / n)).
 */
export function driverRows(
  drivers: readonly Driver[],
  overall: NpsSummary | null,
  lowSampleBelow?: number,
): DriverRow[] {
  return drivers.map((driver) => {
    const promoters = overall ? (driver.promoterShare / 100) * overall.promoters : 0;
    const detractors = overall ? (driver.detractorShare / 100) * overall.detractors : 0;
    const p = driver.n > 0 ? promoters / driver.n : 0;
    const d = driver.n > 0 ? detractors / driver.n : 0;
    const standardError = driver.n > 0 ? 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / driver.n) : 0;
    return {
      tag: driver.tag,
      n: driver.n,
      impact: driver.impact,
      nps: driver.nps,
      marginOfError95: 1.96 * standardError,
      detractorShare: driver.detractorShare,
      rising: driver.rising,
      lowSample: rowIsLowSample({ n: driver.n }, lowSampleBelow),
    };
  });
}
