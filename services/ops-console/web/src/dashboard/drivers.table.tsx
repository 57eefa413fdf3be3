import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './scroll-table';
import type { DriverRow } from './drivers.rows';
import { LowSampleBadge } from './low-sample.badge';
import { formatNpsWithMargin, formatPct, formatSigned } from './nps.format';

/** The driver chart's figures, and what the chart leaves out: each tag's own NPS, its share of detractors, rising. */
export function DriversTable({ rows, lowSampleBelow }: { rows: readonly DriverRow[]; lowSampleBelow: number }) {
  const { t } = useTranslation('dashboard');
  return (
    <ScrollTable minWidth={600} label={t('drivers.caption')} striped data-testid="drivers-table">
      <Table.Caption>{t('drivers.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('drivers.tag')}</Table.Th>
          <Table.Th scope="col">{t('drivers.impact')}</Table.Th>
          <Table.Th scope="col">{t('drivers.tagNps')}</Table.Th>
          <Table.Th scope="col">{t('drivers.detractorShare')}</Table.Th>
          <Table.Th scope="col">{t('drivers.n')}</Table.Th>
          <Table.Th scope="col">{t('drivers.rising')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.tag} data-tag={row.tag}>
            <Table.Th scope="row" fw="normal">
              {row.tag}
            </Table.Th>
            <Table.Td data-column="impact">
              {row.impact === null
                ? '–'
                : `${formatSigned(row.impact)} (${row.impact > 0 ? t('drivers.dragsDown') : t('drivers.lifts')})`}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatNpsWithMargin(row.nps, row.marginOfError95)}{' '}
              {row.lowSample && <LowSampleBadge below={lowSampleBelow} />}
            </Table.Td>
            <Table.Td>{formatPct(row.detractorShare)}</Table.Td>
            <Table.Td>{row.n}</Table.Td>
            <Table.Td>
              {row.rising ? (
                <Badge color="red.9" variant="outline">
                  {t('drivers.risingYes')}
                </Badge>
              ) : (
                t('drivers.risingNo')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
