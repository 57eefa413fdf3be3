import { Button, Select, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api.client';
import { OUTCOMES, type RootCause } from '../case.types';
import { fieldError } from './action-error';
import type { ActionFormProps } from './action-form.props';

/** Resolve: a root cause of the current taxonomy (GET /root-causes), the outcome and what was done. */
export function ResolveForm({ run, pending, error, suggested }: ActionFormProps & { suggested: string[] }) {
  const { t } = useTranslation('cases');
  const api = useApi();
  const rootCauses = useQuery({
    queryKey: ['root-causes'],
    queryFn: () => api.get<RootCause[]>('case-management', '/root-causes'),
    staleTime: 5 * 60000,
  });
  const known = rootCauses.data ?? [];
  const [rootCause, setRootCause] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const preset = rootCause ?? suggested.find((tag) => known.some((rc) => rc.tagId === tag)) ?? null;
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e) => (
        e.preventDefault(),
        run('resolve', { rootCauseTagId: preset ?? '', outcome: outcome ?? '', note })
      )}
    >
      <Select
        label={t('resolve.rootCause')}
        description={t('resolve.rootCauseHint')}
        searchable
        withAsterisk
        data={known.map((rc) => ({ value: rc.tagId, label: `${rc.name} (${rc.tagId})` }))}
        value={preset}
        onChange={setRootCause}
        nothingFoundMessage={t('resolve.noRootCauses')}
        error={fieldError(error, 'rootCauseTagId')}
      />
      <Select
        label={t('resolve.outcome')}
        withAsterisk
        data={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        value={outcome}
        onChange={setOutcome}
        error={fieldError(error, 'outcome')}
      />
      <Textarea
        label={t('resolve.note')}
        withAsterisk
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        error={fieldError(error, 'note')}
      />
      <Button type="submit" loading={pending}>
        {t('resolve.submit')}
      </Button>
    </Stack>
  );
}
