import { Alert, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import { ApiError } from '../api/api.error';
import { ForbiddenPage } from '../layout/forbidden.page';
import { MembersPanel } from './members.panel';
import { RoutingRulesPanel } from './routing-rules.panel';
import { SlaCalendarsPanel } from './sla-calendars.panel';
import type { Team } from './team-admin.types';

/** Leads and admins: members and availability, routing rules with a preview, SLA policies and calendars. */
export function TeamAdminView() {
  const { t } = useTranslation('teamAdmin');
  const api = useApi();
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api.get<Team[]>('case-management', '/teams') });

  if (teams.isPending) return <Loader aria-label={t('loading')} />;
  if (teams.isError) {
    if (teams.error instanceof ApiError && teams.error.status === 403) return <ForbiddenPage />;
    return (
      <Alert color="red" role="alert" title={t('failed')}>
        {teams.error.message}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Tabs defaultValue="members">
        <Tabs.List>
          <Tabs.Tab value="members">{t('tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="rules">{t('tabs.rules')}</Tabs.Tab>
          <Tabs.Tab value="sla">{t('tabs.sla')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersPanel teams={teams.data} />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RoutingRulesPanel teams={teams.data} />
        </Tabs.Panel>
        <Tabs.Panel value="sla" pt="md">
          <SlaCalendarsPanel teams={teams.data} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
