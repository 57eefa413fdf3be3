import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './scroll-table';
import type { Interval } from './dashboard.types';
import { formatInterval, formatNpsWithMargin } from './nps.format';
import type { TrendPoint } from './nps.series';

/** The trend chart's figures as a table: its text alternative. */
export function NpsTrendTable({
  points,
  interval,
  lowSampleBelow,
}: {
  points: readonly TrendPoint[];
  interval: Interval;
  lowSampleBelow: number;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <ScrollTable minWidth={480} label={t('trend.caption', { interval })} striped data-testid="trend-table">
      <Table.Caption>{t('trend.caption', { interval })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('trend.period')}</Table.Th>
          <Table.Th scope="col">{t('trend.nps')}</Table.Th>
          <Table.Th scope="col">{t('trend.interval95')}</Table.Th>
          <Table.Th scope="col">{t('trend.n')}</Table.Th>
          <Table.Th scope="col">{t('trend.sample')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {points.map((point) => (
          <Table.Tr key={point.period} data-period={point.period}>
            <Table.Th scope="row" fw="normal">
              {point.label}
            </Table.Th>
            <Table.Td data-column="nps">{formatNpsWithMargin(point.nps, point.marginOfError95)}</Table.Td>
            <Table.Td data-column="interval95">{formatInterval(point.band)}</Table.Td>
            <Table.Td data-column="n">{point.n}</Table.Td>
            <Table.Td data-column="sample">
              {point.lowSample
                ? `${t('lowSample.mark')}: ${t('lowSample.note', { below: lowSampleBelow })}`
                : t('trend.ok')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
