import type { BreakdownDimension, NpsAnswer } from './dashboard.types';
import { rowIsLowSample } from './low-sample.rule';

/** One value of a dimension (a segment, a channel…) in the breakdown. */
export interface BreakdownRow {
  value: string;
  n: number;
  nps: number;
  marginOfError95: number;
  interval95: number[];
  promoterPct: number;
  passivePct: number;
  detractorPct: number;
  lowSample: boolean;
}

/** `/nps?groupBy=<dimension>` (no interval) as rows, most answers first; an empty value reads "(none)". */
export function breakdownRows(answer: NpsAnswer, dimension: BreakdownDimension): BreakdownRow[] {
  return answer.rows
    .map((row) => ({
      value: row.group[dimension] || '(none)',
      n: row.n,
      nps: row.nps,
      marginOfError95: row.marginOfError95,
      interval95: row.interval95,
      promoterPct: row.promoterPct,
      passivePct: row.passivePct,
      detractorPct: row.detractorPct,
      lowSample: rowIsLowSample(row, answer.lowSampleBelow),
    }))
    .sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
}
