import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DashboardPanel, QueryState } from './dashboard.panel';
import type { DriversAnswer } from './dashboard.types';
import { DataTableToggle } from './data-table.toggle';
import { DriversChart } from './drivers.chart';
import { driverRows } from './drivers.rows';
import { DriversTable } from './drivers.table';

/** What drags NPS down: impact per root cause (`/nps/drivers`), as a chart with its table. */
export function DriversPanel({
  query,
  lowSampleBelow,
}: {
  query: UseQueryResult<DriversAnswer>;
  lowSampleBelow: number;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <DashboardPanel id="drivers" title={t('drivers.title')} description={t('drivers.description')}>
      <QueryState query={query} what={t('drivers.title')} height={200}>
        {(answer) => {
          const rows = driverRows(answer.drivers, answer.overall, lowSampleBelow);
          if (rows.length === 0) return <Text>{t('drivers.none')}</Text>;
          return (
            <>
              <DriversChart rows={rows} />
              <DataTableToggle>
                <DriversTable rows={rows} lowSampleBelow={lowSampleBelow} />
              </DataTableToggle>
            </>
          );
        }}
      </QueryState>
    </DashboardPanel>
  );
}
