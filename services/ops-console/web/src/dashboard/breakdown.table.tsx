import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './scroll-table';
import type { BreakdownRow } from './breakdown.rows';
import type { BreakdownDimension } from './dashboard.types';
import { IntervalPlot } from './interval.plot';
import { LowSampleBadge } from './low-sample.badge';
import { formatInterval, formatNpsWithMargin, formatPct } from './nps.format';

/** NPS per value of one dimension, each with its margin, interval (drawn and written) and n. */
export function BreakdownTable({
  rows,
  dimension,
  lowSampleBelow,
}: {
  rows: readonly BreakdownRow[];
  dimension: BreakdownDimension;
  lowSampleBelow: number;
}) {
  const { t } = useTranslation('dashboard');
  const name = t(`breakdown.${dimension}`);
  if (rows.length === 0) return <Text>{t('noAnswers')}</Text>;
  return (
    <ScrollTable
      minWidth={640}
      label={t('breakdown.caption', { dimension: name.toLowerCase() })}
      striped
      data-testid="breakdown-table"
    >
      <Table.Caption>{t('breakdown.caption', { dimension: name.toLowerCase() })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{name}</Table.Th>
          <Table.Th scope="col">{t('trend.nps')}</Table.Th>
          <Table.Th scope="col">{t('trend.interval95')}</Table.Th>
          <Table.Th scope="col">{t('trend.n')}</Table.Th>
          <Table.Th scope="col">{t('breakdown.mix')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.value} data-value={row.value}>
            <Table.Th scope="row" fw="normal">
              <Group gap={6} wrap="nowrap">
                {row.value}
                {row.lowSample && <LowSampleBadge below={lowSampleBelow} />}
              </Group>
            </Table.Th>
            <Table.Td data-column="nps" style={{ whiteSpace: 'nowrap' }}>
              {formatNpsWithMargin(row.nps, row.marginOfError95)}
            </Table.Td>
            <Table.Td data-column="interval95">
              <Group gap={8} wrap="nowrap">
                <IntervalPlot nps={row.nps} interval95={row.interval95} lowSample={row.lowSample} />
                <span style={{ whiteSpace: 'nowrap' }}>{formatInterval(row.interval95)}</span>
              </Group>
            </Table.Td>
            <Table.Td data-column="n">{row.n}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {[row.promoterPct, row.passivePct, row.detractorPct].map(formatPct).join(' / ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
