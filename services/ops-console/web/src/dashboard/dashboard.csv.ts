import type { BreakdownRow } from './breakdown.rows';
import type { DashboardFilters } from './dashboard.filters';
import type { Driver, NpsComparison, NpsSummary, RecoveryAnswer, TeamLoopMetrics } from './dashboard.types';
import type { TrendPoint } from './nps.series';

type Cell = string | number | boolean | null | undefined;

/** What the dashboard shows at the moment of export; a section the page has not loaded is null. */
export interface DashboardSnapshot {
  filters: DashboardFilters;
  timeZone: string;
  headline: NpsSummary | null;
  trend: readonly TrendPoint[] | null;
  breakdown: readonly BreakdownRow[] | null;
  comparison: {
    first: { from: string; to: string; summary: NpsSummary | null };
    second: { from: string; to: string; summary: NpsSummary | null };
    change: NpsComparison | null;
  } | null;
  drivers: readonly Driver[] | null;
  recovery: RecoveryAnswer['rows'][number] | null;
  loop: readonly TeamLoopMetrics[] | null;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`;
 * numbers are written as numbers, to four decimals at most.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 10000) / 10000) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV lines, CRLF-separated. */
export function csvLines(rows: readonly (readonly Cell[])[]): string[] {
  return rows.map((row) => row.map(csvCell).join(','));
}

const NPS_COLUMNS = ['n', 'nps', 'margin_of_error_95', 'interval_95_low', 'interval_95_high', 'low_sample'];
const npsCells = (s: Pick<NpsSummary, 'n' | 'nps' | 'marginOfError95' | 'interval95'>, lowSample: boolean): Cell[] => [
  s.n,
  s.nps,
  s.marginOfError95,
  s.interval95[0],
  s.interval95[1],
  lowSample,
];

/** Each section as a title line, a header and its rows; sections apart by an empty line. */
function sections(snapshot: DashboardSnapshot): Cell[][][] {
  const { filters } = snapshot;
  const out: Cell[][][] = [
    [
      ['NPS dashboard'],
      ['from', 'to', 'time_zone', 'interval'],
      [filters.from, filters.to, snapshot.timeZone, filters.interval],
    ],
  ];
  if (snapshot.headline) {
    const h = snapshot.headline;
    out.push([
      ['NPS for the period'],
      [...NPS_COLUMNS, 'promoter_pct', 'passive_pct', 'detractor_pct'],
      [...npsCells(h, h.lowSample), h.promoterPct, h.passivePct, h.detractorPct],
    ]);
  }
  if (snapshot.trend)
    out.push([
      [`NPS per ${filters.interval}`],
      ['period', ...NPS_COLUMNS],
      ...snapshot.trend.map((p) => [p.period, ...npsCells({ ...p, interval95: p.band }, p.lowSample)]),
    ]);
  if (snapshot.breakdown)
    out.push([
      [`NPS by ${filters.breakdown}`],
      [filters.breakdown, ...NPS_COLUMNS, 'promoter_pct', 'passive_pct', 'detractor_pct'],
      ...snapshot.breakdown.map((r) => [
        r.value,
        ...npsCells(r, r.lowSample),
        r.promoterPct,
        r.passivePct,
        r.detractorPct,
      ]),
    ]);
  if (snapshot.comparison) {
    const { first, second, change } = snapshot.comparison;
    const side = (name: string, s: typeof first): Cell[] => [
      name,
      s.from,
      s.to,
      ...(s.summary ? npsCells(s.summary, s.summary.lowSample) : NPS_COLUMNS.map(() => null)),
    ];
    out.push([
      ['Comparison'],
      ['side', 'from', 'to', ...NPS_COLUMNS],
      side('first', first),
      side('second', second),
      ['change', 'delta', 'standard_error', 'p_value', 'significant_95', 'sentence'],
      change
        ? [
            'second minus first',
            change.delta,
            change.standardError,
            change.pValue,
            change.significant95,
            change.sentence,
          ]
        : ['second minus first', null, null, null, null, 'a side has no answers'],
    ]);
  }
  if (snapshot.drivers)
    out.push([
      ['Drivers (root causes)'],
      [
        'tag',
        'n',
        'nps_impact',
        'nps_of_tag',
        'detractor_share_pct',
        'passive_share_pct',
        'promoter_share_pct',
        'rising',
      ],
      ...snapshot.drivers.map((d) => [
        d.tag,
        d.n,
        d.impact,
        d.nps,
        d.detractorShare,
        d.passiveShare,
        d.promoterShare,
        d.rising,
      ]),
    ]);
  if (snapshot.recovery) {
    const { followedUp, holdout, uplift } = snapshot.recovery;
    out.push([
      ['Recovery: followed up against holdout'],
      ['group', 'n', 'mean_score_change', 'promoter_pct_at_resurvey'],
      ['followed up', followedUp?.n ?? 0, followedUp?.meanChange, followedUp?.promoterPct],
      ['holdout', holdout?.n ?? 0, holdout?.meanChange, holdout?.promoterPct],
      ['uplift', 'interval_95_low', 'interval_95_high', 'significant_95', 'sentence'],
      uplift
        ? [uplift.uplift, uplift.interval95[0], uplift.interval95[1], uplift.significant95, uplift.sentence]
        : [null, null, null, null, 'needs 2 measurements per group'],
    ]);
  }
  if (snapshot.loop)
    out.push([
      ['Loop metrics per team'],
      [
        'team',
        'cases_opened',
        'first_contact_p50_hours',
        'first_contact_p90_hours',
        'resolution_p50_hours',
        'resolution_p90_hours',
        'sla_first_contact_share',
        'sla_first_contact_of',
        'sla_resolution_share',
        'sla_resolution_of',
        'recovered_share',
        'recovered_of',
      ],
      ...snapshot.loop.map((t) => [
        t.teamId,
        t.casesOpened,
        t.timeToFirstContactHours.p50,
        t.timeToFirstContactHours.p90,
        t.timeToResolutionHours.p50,
        t.timeToResolutionHours.p90,
        t.slaAttainment.firstContact.share,
        t.slaAttainment.firstContact.of,
        t.slaAttainment.resolution.share,
        t.slaAttainment.resolution.of,
        t.recoveredShare.share,
        t.recoveredShare.of,
      ]),
    ]);
  return out;
}

/** The dashboard as one CSV file: a titled section per panel, each with its own header row. */
export function dashboardCsv(snapshot: DashboardSnapshot): string {
  return `${sections(snapshot)
    .map((section) => csvLines(section).join('\r\n'))
    .join('\r\n\r\n')}\r\n`;
}

/** `nps-dashboard_2025-01-01_2025-12-31_month.csv` */
export function csvFileName(filters: DashboardFilters): string {
  return `nps-dashboard_${filters.from}_${filters.to}_${filters.interval}.csv`;
}
