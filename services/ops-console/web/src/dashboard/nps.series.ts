import type { Interval, NpsAnswer } from './dashboard.types';
import { rowIsLowSample } from './low-sample.rule';

/** One period of the NPS-over-time chart and its table. */
export interface TrendPoint {
  /** First day of the interval, YYYY-MM-DD. */
  period: string;
  label: string;
  n: number;
  nps: number;
  marginOfError95: number;
  /** The adjusted-Wald 95% interval: the band the chart draws. */
  band: [number, number];
  lowSample: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How a period reads on the axis and in the table: `3 Mar 2025`, `Week of 3 Mar 2025`, `Mar 2025`. */
export function periodLabel(period: string, interval: Interval): string {
  const [year, month, day] = period.split('-').map(Number);
  const monthName = MONTHS[month - 1] ?? '';
  if (interval === 'month') return `${monthName} ${year}`;
  const date = `${day} ${monthName} ${year}`;
  return interval === 'week' ? `Week of ${date}` : date;
}

/** The ungrouped rows of `/nps?interval=…` as chart points, oldest first; periods without answers have no row. */
export function trendPoints(answer: NpsAnswer, interval: Interval): TrendPoint[] {
  return answer.rows
    .filter((row): row is typeof row & { period: string } => row.period !== null && Object.keys(row.group).length === 0)
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((row) => ({
      period: row.period,
      label: periodLabel(row.period, interval),
      n: row.n,
      nps: row.nps,
      marginOfError95: row.marginOfError95,
      band: [row.interval95[0], row.interval95[1]],
      lowSample: rowIsLowSample(row, answer.lowSampleBelow),
    }));
}

/** The y-axis domain: −100…100 trimmed to the bands, in steps of 10, so narrow bands stay visible. */
export function npsDomain(points: readonly TrendPoint[]): [number, number] {
  if (points.length === 0) return [-100, 100];
  const low = Math.min(...points.map((point) => point.band[0]));
  const high = Math.max(...points.map((point) => point.band[1]));
  return [Math.max(-100, Math.floor(low / 10) * 10 - 10), Math.min(100, Math.ceil(high / 10) * 10 + 10)];
}

/** Round ticks for the y axis: every 10, 20 or 25 points, whichever gives at most eight, and 0 when in range. */
export function npsTicks([low, high]: readonly [number, number]): number[] {
  const step = [10, 20, 25, 50].find((s) => (high - low) / s <= 8) ?? 50;
  const ticks: number[] = [];
  for (let tick = Math.ceil(low / step) * step; tick <= high; tick += step) ticks.push(tick);
  return ticks;
}
