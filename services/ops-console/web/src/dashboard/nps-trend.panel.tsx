import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DashboardPanel, QueryState } from './dashboard.panel';
import type { Interval, NpsAnswer } from './dashboard.types';
import { DataTableToggle } from './data-table.toggle';
import { NpsTrendChart } from './nps-trend.chart';
import { NpsTrendTable } from './nps-trend.table';
import { trendPoints } from './nps.series';

/** NPS over time: the chart, its legend and its data table. */
export function NpsTrendPanel({ query, interval }: { query: UseQueryResult<NpsAnswer>; interval: Interval }) {
  const { t } = useTranslation('dashboard');
  return (
    <DashboardPanel id="trend" title={t('trend.title')} description={t('trend.description', { interval })}>
      <QueryState query={query} what={t('trend.title')} height={300}>
        {(answer) => {
          // While a new interval loads, the previous answer stays up: label it by its own interval.
          const shown = answer.interval === 'day' || answer.interval === 'week' ? answer.interval : 'month';
          const points = trendPoints(answer, shown);
          if (points.length === 0) return <Text>{t('noAnswers')}</Text>;
          return (
            <>
              <NpsTrendChart points={points} interval={shown} lowSampleBelow={answer.lowSampleBelow} />
              <DataTableToggle>
                <NpsTrendTable points={points} interval={shown} lowSampleBelow={answer.lowSampleBelow} />
              </DataTableToggle>
            </>
          );
        }}
      </QueryState>
    </DashboardPanel>
  );
}
