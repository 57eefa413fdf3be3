import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DASHBOARD_TIME_ZONE, type DashboardFilters } from './dashboard.filters';
import { INTERVALS, type Interval } from './dashboard.types';
import { PeriodInputs } from './period.inputs';

/** The period, the interval and the CSV export, above everything they govern. */
export function FiltersBar({
  filters,
  onChange,
  onExport,
  canExport,
}: {
  filters: DashboardFilters;
  onChange: (filters: DashboardFilters) => void;
  onExport: () => void;
  canExport: boolean;
}) {
  const { t } = useTranslation('dashboard');
  const intervalLabel = useId();
  return (
    <Group
      component="form"
      role="search"
      aria-label={t('filters.label')}
      align="flex-end"
      gap="md"
      wrap="wrap"
      onSubmit={(event) => event.preventDefault()}
    >
      <PeriodInputs
        period={filters}
        onChange={(period) => onChange({ ...filters, ...period })}
        fromLabel={t('filters.from')}
        toLabel={t('filters.to')}
        testId="dashboard-period"
      />
      <Stack gap={2}>
        <Text size="sm" fw={500} id={intervalLabel}>
          {t('filters.interval')}
        </Text>
        <SegmentedControl
          aria-labelledby={intervalLabel}
          value={filters.interval}
          onChange={(value) => onChange({ ...filters, interval: value as Interval })}
          data={INTERVALS.map((interval) => ({ value: interval, label: t(`filters.${interval}`) }))}
          size="sm"
        />
      </Stack>
      <Text size="xs" c="gray.7" pb={8}>
        {t('filters.timeZone', { zone: DASHBOARD_TIME_ZONE })}
      </Text>
      <Button variant="default" onClick={onExport} disabled={!canExport} title={t('csv.hint')} ml="auto">
        {t('csv.export')}
      </Button>
    </Group>
  );
}
