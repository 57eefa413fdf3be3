import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './scroll-table';
import type { Share, TeamLoopMetrics } from './dashboard.types';
import { isLowSample } from './low-sample.rule';
import { formatHours, formatShare } from './nps.format';

/** Per team: times to first contact and resolution, SLA attainment and recovered share, each share with its n. */
export function LoopMetricsTable({ teams }: { teams: readonly TeamLoopMetrics[] }) {
  const { t } = useTranslation('dashboard');
  if (teams.length === 0) return <Text size="sm">{t('loop.noTeams')}</Text>;
  const share = (value: Share) => (
    <span title={isLowSample(value.of) ? t('lowSample.note', { below: 30 }) : undefined}>
      {t('loop.shareOf', { share: formatShare(value.share), of: value.of })}
      {value.of > 0 && isLowSample(value.of) ? ` (${t('lowSample.mark').toLowerCase()})` : ''}
    </span>
  );
  return (
    <ScrollTable minWidth={720} label={t('loop.teams')} striped data-testid="loop-table">
      <Table.Caption>{t('loop.teams')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('loop.team')}</Table.Th>
          <Table.Th scope="col">{t('loop.cases')}</Table.Th>
          <Table.Th scope="col">{t('loop.firstContact')}</Table.Th>
          <Table.Th scope="col">{t('loop.resolution')}</Table.Th>
          <Table.Th scope="col">{t('loop.slaFirstContact')}</Table.Th>
          <Table.Th scope="col">{t('loop.slaResolution')}</Table.Th>
          <Table.Th scope="col">{t('loop.recovered')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {teams.map((team) => (
          <Table.Tr key={team.teamId}>
            <Table.Th scope="row" fw="normal">
              {team.teamId}
            </Table.Th>
            <Table.Td>{team.casesOpened}</Table.Td>
            <Table.Td>
              {formatHours(team.timeToFirstContactHours.p50)} / {formatHours(team.timeToFirstContactHours.p90)}
            </Table.Td>
            <Table.Td>
              {formatHours(team.timeToResolutionHours.p50)} / {formatHours(team.timeToResolutionHours.p90)}
            </Table.Td>
            <Table.Td>{share(team.slaAttainment.firstContact)}</Table.Td>
            <Table.Td>{share(team.slaAttainment.resolution)}</Table.Td>
            <Table.Td>{share(team.recoveredShare)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
