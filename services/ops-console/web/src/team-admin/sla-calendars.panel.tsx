import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import type { ApiError } from '../api/api.error';
import { usePrincipal } from '../auth/principal';
import { fieldReason, FormError } from './form-error';
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
  const isAdmin = usePrincipal().roles.includes('admin');
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
        {isAdmin ? (
          <SlaPolicyForm policies={sorted} />
        ) : (
          <Text size="sm" mt="xs">
            {t('sla.adminOnly')}
          </Text>
        )}
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

interface PolicyDraft {
  priority: string;
  firstContactMinutes: number | string;
  resolutionMinutes: number | string;
}

/** PUT /sla-policies/:priority (admins): working minutes to first contact and resolution of one priority. */
function SlaPolicyForm({ policies }: { policies: SlaPolicy[] }) {
  const { t } = useTranslation('teamAdmin');
  const api = useApi();
  const client = useQueryClient();
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const put = useMutation<SlaPolicy, ApiError, PolicyDraft>({
    mutationFn: ({ priority, firstContactMinutes, resolutionMinutes }) =>
      api.send<SlaPolicy>('case-management', 'PUT', `/sla-policies/${encodeURIComponent(priority)}`, {
        firstContactMinutes: Number(firstContactMinutes),
        resolutionMinutes: Number(resolutionMinutes),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ['sla-policies'] }),
  });
  const choose = (priority: string | null) => {
    const policy = policies.find((p) => p.priority === priority);
    put.reset();
    setDraft(policy ? { ...policy } : null);
  };
  return (
    <form
      aria-labelledby="sla-edit-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft) put.mutate(draft);
      }}
    >
      <Stack gap="xs" mt="sm">
        <Title order={4} size="h5" id="sla-edit-title">
          {t('sla.edit.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Select
            label={t('sla.priority')}
            data={policies.map((p) => ({
              value: p.priority,
              label: t(`priority.${p.priority}`, { defaultValue: p.priority }),
            }))}
            value={draft?.priority ?? null}
            onChange={choose}
            allowDeselect={false}
          />
          <NumberInput
            label={t('sla.edit.firstContact')}
            min={1}
            max={525600}
            disabled={!draft}
            value={draft?.firstContactMinutes ?? ''}
            onChange={(value) => draft && setDraft({ ...draft, firstContactMinutes: value })}
            error={fieldReason(put.error, 'firstContactMinutes')}
          />
          <NumberInput
            label={t('sla.edit.resolution')}
            min={1}
            max={525600}
            disabled={!draft}
            value={draft?.resolutionMinutes ?? ''}
            onChange={(value) => draft && setDraft({ ...draft, resolutionMinutes: value })}
            error={fieldReason(put.error, 'resolutionMinutes')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" disabled={!draft} loading={put.isPending}>
            {t('sla.edit.submit')}
          </Button>
          {put.isSuccess && (
            <Text size="sm" role="status" data-testid="sla-saved">
              {t('sla.edit.done', {
                priority: t(`priority.${put.data.priority}`, { defaultValue: put.data.priority }),
              })}
            </Text>
          )}
        </Group>
        <FormError error={put.error} testId="sla-error" />
      </Stack>
    </form>
  );
}
