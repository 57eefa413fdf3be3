import { Tabs } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { breakdownRows } from './breakdown.rows';
import { BreakdownTable } from './breakdown.table';
import { DashboardPanel, QueryState } from './dashboard.panel';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension, type NpsAnswer } from './dashboard.types';

/** NPS by segment, region, channel, touchpoint or language: one dimension at a time, chosen by tab. */
export function BreakdownPanel({
  dimension,
  onDimension,
  query,
}: {
  dimension: BreakdownDimension;
  onDimension: (dimension: BreakdownDimension) => void;
  query: UseQueryResult<NpsAnswer>;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <DashboardPanel id="breakdown" title={t('breakdown.title')}>
      <Tabs value={dimension} onChange={(value) => value && onDimension(value as BreakdownDimension)}>
        <Tabs.List aria-label={t('breakdown.tabs')}>
          {BREAKDOWN_DIMENSIONS.map((d) => (
            <Tabs.Tab key={d} value={d}>
              {t(`breakdown.${d}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* A panel per tab, so every tab's aria-controls names one; only the chosen one has figures. */}
        {BREAKDOWN_DIMENSIONS.map((d) => (
          <Tabs.Panel key={d} value={d} pt="sm">
            {d === dimension && (
              <QueryState query={query} what={t('breakdown.title')}>
                {(answer) => (
                  <BreakdownTable
                    rows={breakdownRows(answer, dimension)}
                    dimension={dimension}
                    lowSampleBelow={answer.lowSampleBelow}
                  />
                )}
              </QueryState>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </DashboardPanel>
  );
}
