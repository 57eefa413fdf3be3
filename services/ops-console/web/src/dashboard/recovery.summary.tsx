import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './scroll-table';
import type { RecoveryAnswer } from './dashboard.types';
import { LowSampleBadge } from './low-sample.badge';
import { isLowSample } from './low-sample.rule';
import { formatInterval, formatPct, formatSigned } from './nps.format';

/** Followed-up detractors against the holdout (scoring's `/nps/recovery`), with the uplift and its verdict. */
export function RecoverySummary({ answer }: { answer: RecoveryAnswer }) {
  const { t } = useTranslation('dashboard');
  const row = answer.rows[0];
  if (!row || (!row.followedUp && !row.holdout)) return <Text size="sm">{t('loop.noRecovery')}</Text>;
  const groups = [
    [t('loop.followedUp'), row.followedUp],
    [t('loop.holdout'), row.holdout],
  ] as const;
  return (
    <>
      <ScrollTable minWidth={420} label={t('loop.recovery')} data-testid="recovery-table">
        <Table.Caption>{t('loop.recovery')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('loop.group')}</Table.Th>
            <Table.Th scope="col">{t('trend.n')}</Table.Th>
            <Table.Th scope="col">{t('loop.meanChange')}</Table.Th>
            <Table.Th scope="col">{t('loop.promoters')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map(([name, group]) => (
            <Table.Tr key={name}>
              <Table.Th scope="row" fw="normal">
                {name} {group && isLowSample(group.n) && <LowSampleBadge />}
              </Table.Th>
              <Table.Td>{group?.n ?? 0}</Table.Td>
              <Table.Td>{group ? formatSigned(group.meanChange) : '–'}</Table.Td>
              <Table.Td>{group ? formatPct(group.promoterPct) : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <Text size="sm" fw={600} data-testid="recovery-sentence">
        {row.uplift
          ? t('loop.uplift', {
              uplift: formatSigned(row.uplift.uplift),
              interval: formatInterval(row.uplift.interval95),
              sentence: row.uplift.sentence,
            })
          : t('loop.noUplift')}
      </Text>
    </>
  );
}
