import './dashboard.css';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BreakdownPanel } from './breakdown.panel';
import { breakdownRows } from './breakdown.rows';
import { ComparePanel } from './compare.panel';
import { downloadCsv } from './csv.download';
import { csvFileName, dashboardCsv } from './dashboard.csv';
import {
  DASHBOARD_TIME_ZONE,
  type DashboardFilters,
  filtersFromSearch,
  filtersToSearch,
  previousPeriod,
  today,
} from './dashboard.filters';
import { DashboardPanel, QueryState } from './dashboard.panel';
import {
  useLoopMetrics,
  useNpsBreakdown,
  useNpsCompare,
  useNpsDrivers,
  useNpsTotal,
  useNpsTrend,
  useRecovery,
} from './dashboard.queries';
import { DriversPanel } from './drivers.panel';
import { useFirstDataMark } from './first-data.mark';
import { FiltersBar } from './filters.bar';
import { HeadlineFigure } from './headline.card';
import { LoopMetricsPanel } from './loop-metrics.panel';
import { LOW_SAMPLE_BELOW } from './low-sample.rule';
import { NpsTrendPanel } from './nps-trend.panel';
import { trendPoints } from './nps.series';

type Period = { from: string; to: string };

/**
 * The NPS dashboard (#17) for analysts, leads and admins: the period's NPS, NPS over time with its
 * interval, a breakdown, period against period, drivers and the loop's figures; a CSV of all of it.
 */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search, today()), [search]);
  const setFilters = (next: DashboardFilters) => setSearch(filtersToSearch(next), { replace: true });
  const period = useMemo(() => ({ from: filters.from, to: filters.to }), [filters.from, filters.to]);

  // By default the chosen period against the one of the same length before it; either can be changed.
  const basis = `${period.from}|${period.to}`;
  const [chosen, setChosen] = useState<{ basis: string; first: Period; second: Period } | null>(null);
  const sides =
    chosen?.basis === basis ? chosen : { basis, first: previousPeriod(period.from, period.to), second: period };

  const total = useNpsTotal(period);
  const trend = useNpsTrend(period, filters.interval);
  const breakdown = useNpsBreakdown(period, filters.breakdown);
  const compare = useNpsCompare(sides.first, sides.second);
  const drivers = useNpsDrivers(period);
  const recovery = useRecovery(period);
  const loop = useLoopMetrics(period);
  useFirstDataMark(total.data !== undefined && trend.data !== undefined);

  const lowSampleBelow = total.data?.lowSampleBelow ?? LOW_SAMPLE_BELOW;
  const exportCsv = () =>
    downloadCsv(
      csvFileName(filters),
      dashboardCsv({
        filters,
        timeZone: DASHBOARD_TIME_ZONE,
        headline: total.data?.rows[0] ?? null,
        trend: trend.data ? trendPoints(trend.data, filters.interval) : null,
        breakdown: breakdown.data ? breakdownRows(breakdown.data, filters.breakdown) : null,
        comparison: compare.data
          ? {
              first: { ...sides.first, summary: compare.data.first.summary },
              second: { ...sides.second, summary: compare.data.second.summary },
              change: compare.data.change,
            }
          : null,
        drivers: drivers.data?.drivers ?? null,
        recovery: recovery.data?.rows[0] ?? null,
        loop: loop.data?.teams ?? null,
      }),
    );

  return (
    <Stack gap="md" maw={1400} className="dashboard-page">
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text size="sm">{t('intro', { below: lowSampleBelow })}</Text>
      </div>
      <FiltersBar filters={filters} onChange={setFilters} onExport={exportCsv} canExport={total.data !== undefined} />
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <DashboardPanel id="headline-panel" title={t('headline.title')}>
          <QueryState query={total} what={t('headline.title')}>
            {(answer) => <HeadlineFigure answer={answer} period={period} />}
          </QueryState>
        </DashboardPanel>
        <div className="dashboard-trend">
          <NpsTrendPanel query={trend} interval={filters.interval} />
        </div>
      </SimpleGrid>
      <BreakdownPanel
        dimension={filters.breakdown}
        onDimension={(dimension) => setFilters({ ...filters, breakdown: dimension })}
        query={breakdown}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ComparePanel
          first={sides.first}
          second={sides.second}
          onFirst={(first) => setChosen({ ...sides, first })}
          onSecond={(second) => setChosen({ ...sides, second })}
          query={compare}
        />
        <DriversPanel query={drivers} lowSampleBelow={lowSampleBelow} />
      </SimpleGrid>
      <LoopMetricsPanel recovery={recovery} loop={loop} />
    </Stack>
  );
}
