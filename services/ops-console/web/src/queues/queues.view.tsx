import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import { usePrincipal } from '../auth/principal';
import type { RootCause } from '../cases/case.types';
import { breachRisk } from './breach-risk';
import { DEFAULT_FILTERS, distinctValues, matchesLocally, type QueueFilters } from './queue-filters';
import { QueueFiltersForm } from './queue-filters.form';
import { nextDeadline, QueueTable } from './queue.table';
import { SavedViewsControl } from './saved-views.control';
import { useCaseQueue } from './use-case-queue';
import { useNow } from './use-now';

/** My cases or my teams', soonest SLA deadline first, refreshed every few seconds. */
export function QueuesView() {
  const { t } = useTranslation('queues');
  const api = useApi();
  const principal = usePrincipal();
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  const queue = useCaseQueue(filters);
  const now = useNow();
  const rootCauses = useQuery({
    queryKey: ['root-causes'],
    queryFn: () => api.get<RootCause[]>('case-management', '/root-causes'),
    staleTime: 5 * 60000,
  });

  const loaded = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const cases = loaded.filter((c) => matchesLocally(c, filters));
  const fresh = useFreshIds(
    loaded.map((c) => c.id),
    JSON.stringify(filters),
    queue.isSuccess && !queue.isPlaceholderData,
  );
  const total = queue.data?.pages[0]?.total ?? 0;
  const breached = cases.filter((c) => {
    const { dueAt, startedAt, stopped } = nextDeadline(c);
    return breachRisk(dueAt, startedAt, now, stopped) === 'breached';
  }).length;
  const options = {
    teams: [...new Set([...principal.teams, ...loaded.map((c) => c.teamId)])].sort(),
    tags: (rootCauses.data ?? []).map((rc) => ({ value: rc.tagId, label: `${rc.name} (${rc.tagId})` })),
    segments: distinctValues(loaded, (c) => c.segment),
    owners: distinctValues(loaded, (c) => c.ownerId),
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <QueueFiltersForm filters={filters} options={options} onChange={setFilters} />
          <SavedViewsControl filters={filters} onApply={setFilters} />
        </Stack>
      </Paper>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" aria-live="polite" data-testid="queue-summary">
          {queue.isSuccess ? t('summary', { shown: cases.length, total, breached }) : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {t('keys')}
        </Text>
      </Group>
      {queue.isPending && <Loader aria-label={t('loading')} />}
      {queue.isError && (
        <Alert color="red" role="alert" title={t('failed')}>
          {queue.error.message}
        </Alert>
      )}
      {queue.isSuccess && cases.length === 0 && <Text>{t('empty')}</Text>}
      {cases.length > 0 && <QueueTable cases={cases} now={now} fresh={fresh} />}
      {queue.hasNextPage && (
        <Button variant="default" onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
          {t('more')}
        </Button>
      )}
    </Stack>
  );
}

/** The ids that appeared after the first load of the current filters: the live updates, marked "new". */
function useFreshIds(ids: string[], filtersKey: string, loaded: boolean): ReadonlySet<string> {
  const seen = useRef<{ key: string; ids: Set<string> | null }>({ key: '', ids: null });
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const idsKey = ids.join(',');
  useEffect(() => {
    if (seen.current.key !== filtersKey) seen.current = { key: filtersKey, ids: null };
    if (!loaded) return;
    const current = idsKey ? idsKey.split(',') : [];
    if (!seen.current.ids) {
      seen.current.ids = new Set(current);
      return;
    }
    const known = seen.current.ids;
    const added = current.filter((id) => !known.has(id));
    if (added.length === 0) return;
    added.forEach((id) => known.add(id));
    setFresh((before) => new Set([...before, ...added]));
  }, [idsKey, filtersKey, loaded]);
  return fresh;
}
