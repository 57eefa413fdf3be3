import { Button, Select, Stack, Textarea } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api.client';
import type { Member, Team } from '../../team-admin/team-admin.types';
import { fieldError } from './action-error';
import type { ActionFormProps } from './action-form.props';

/** Reassign (leads, admins): a member of a team the caller leads, and the reason, which the new owner is told. */
export function ReassignForm({ run, pending, error, ownerId }: ActionFormProps & { ownerId: string | null }) {
  const { t } = useTranslation('cases');
  const api = useApi();
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api.get<Team[]>('case-management', '/teams') });
  const members = useQueries({
    queries: (teams.data ?? []).map((team) => ({
      queryKey: ['members', team.id],
      queryFn: () => api.get<Member[]>('case-management', `/teams/${team.id}/members`),
    })),
  });
  const options = members
    .flatMap((m) => m.data ?? [])
    .filter((m) => m.id !== ownerId)
    .map((m) => ({ value: m.id, label: `${m.name} (${m.teamId}${m.available ? '' : `, ${t('reassign.away')}`})` }));
  const [owner, setOwner] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e) => (e.preventDefault(), run('reassign', { ownerId: owner ?? '', reason }))}
    >
      <Select
        label={t('reassign.owner')}
        searchable
        withAsterisk
        data={options}
        value={owner}
        onChange={setOwner}
        error={fieldError(error, 'ownerId')}
      />
      <Textarea
        label={t('reassign.reason')}
        withAsterisk
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        error={fieldError(error, 'reason')}
      />
      <Button type="submit" loading={pending}>
        {t('reassign.submit')}
      </Button>
    </Stack>
  );
}
