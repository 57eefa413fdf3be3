import { Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import { weekdayNames, workingTime } from './team-admin.format';
import type { SlaPolicy, Team } from './team-admin.types';

const PRIORITY_ORDER = ['urgent', 'high', 'normal', 'low'];

/** SLA policies (working time per priority) and each team's calendar they are counted in. */
export function SlaCalendarsPanel({ teams }: { teams: Team[] }) {
  const { t, i18n } = useTranslation('teamAdmin');
  const api = useApi();
  const policies = useQuery({
    queryKey: ['sla-policies'],
    queryFn: () => api.get<SlaPolicy[]>('case-management', '/sla-policies'),
  });
  const sorted = [...(policies.data ?? [])].sort(
    (a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority),
  );
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" component="section" aria-labelledby="sla-policies-title">
        <Title order={3} size="h4" id="sla-policies-title" mb="xs">
          {t('sla.title')}
        </Title>
        <Table verticalSpacing={4}>
          <Table.Caption>{t('sla.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sla.priority')}</Table.Th>
              <Table.Th scope="col">{t('sla.firstContact')}</Table.Th>
              <Table.Th scope="col">{t('sla.resolution')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((policy) => (
              <Table.Tr key={policy.priority}>
                <Table.Th scope="row">{t(`priority.${policy.priority}`, { defaultValue: policy.priority })}</Table.Th>
                <Table.Td>{workingTime(policy.firstContactMinutes)}</Table.Td>
                <Table.Td>{workingTime(policy.resolutionMinutes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="sm" component="section" aria-labelledby="calendars-title">
        <Title order={3} size="h4" id="calendars-title" mb="xs">
          {t('calendars.title')}
        </Title>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4}>
            <Table.Caption>{t('calendars.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('calendars.team')}</Table.Th>
                <Table.Th scope="col">{t('calendars.timeZone')}</Table.Th>
                <Table.Th scope="col">{t('calendars.days')}</Table.Th>
                <Table.Th scope="col">{t('calendars.hours')}</Table.Th>
                <Table.Th scope="col">{t('calendars.holidays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Th scope="row">{team.name}</Table.Th>
                  <Table.Td>{team.calendar.timeZone}</Table.Td>
                  <Table.Td>{weekdayNames(team.calendar.workingDays, i18n.language)}</Table.Td>
                  <Table.Td>
                    {team.calendar.dayStart}–{team.calendar.dayEnd}
                  </Table.Td>
                  <Table.Td>{team.calendar.holidays.join(', ') || t('calendars.noHolidays')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
