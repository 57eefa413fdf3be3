import { Group, MultiSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, type CaseStatus, PRIORITIES, type Priority } from '../cases/case.types';
import { type QueueFilters, UNASSIGNED } from './queue-filters';

export interface FilterOptions {
  teams: string[];
  tags: { value: string; label: string }[];
  segments: string[];
  owners: string[];
}

/** Scope and the six filters of the queue; every control has a visible label. */
export function QueueFiltersForm({
  filters,
  options,
  onChange,
}: {
  filters: QueueFilters;
  options: FilterOptions;
  onChange: (next: QueueFilters) => void;
}) {
  const { t } = useTranslation('queues');
  const set = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <Stack gap="xs">
      <Group gap="xs" align="center">
        <Text size="sm" fw={500} id="queue-scope-label">
          {t('filters.scope')}
        </Text>
        <SegmentedControl
          aria-labelledby="queue-scope-label"
          value={filters.scope}
          onChange={(value) => set('scope', value as QueueFilters['scope'])}
          data={[
            { value: 'mine', label: t('filters.mine') },
            { value: 'team', label: t('filters.team') },
          ]}
        />
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <MultiSelect
          label={t('filters.status')}
          w={260}
          data={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={filters.statuses}
          onChange={(value) => set('statuses', value as CaseStatus[])}
          placeholder={filters.statuses.length ? undefined : t('filters.any')}
        />
        <Select
          label={t('filters.priority')}
          w={140}
          clearable
          placeholder={t('filters.any')}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          value={filters.priority}
          onChange={(value) => set('priority', value as Priority | null)}
        />
        <Select
          label={t('filters.teamFilter')}
          w={170}
          clearable
          placeholder={t('filters.any')}
          data={options.teams}
          value={filters.teamId}
          onChange={(value) => set('teamId', value)}
        />
        <Select
          label={t('filters.tag')}
          w={190}
          clearable
          searchable
          placeholder={t('filters.any')}
          data={options.tags}
          value={filters.tag}
          onChange={(value) => set('tag', value)}
        />
        <Select
          label={t('filters.segment')}
          w={150}
          clearable
          placeholder={t('filters.any')}
          data={options.segments}
          value={filters.segment}
          onChange={(value) => set('segment', value)}
        />
        <Select
          label={t('filters.owner')}
          w={160}
          clearable
          searchable
          placeholder={t('filters.anyone')}
          data={[{ value: UNASSIGNED, label: t('filters.unassigned') }, ...options.owners]}
          value={filters.owner}
          onChange={(value) => set('owner', value)}
        />
      </Group>
    </Stack>
  );
}
