import { Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DashboardPanel, QueryState } from './dashboard.panel';
import type { LoopMetricsAnswer, RecoveryAnswer } from './dashboard.types';
import { LoopMetricsTable } from './loop-metrics.table';
import { RecoverySummary } from './recovery.summary';

/**
 * The inner loop's figures: recovery from scoring and per-team loop metrics from case-management
 * (analysts and admins read every team, leads their own; anyone else sees why they are missing).
 */
export function LoopMetricsPanel({
  recovery,
  loop,
}: {
  recovery: UseQueryResult<RecoveryAnswer>;
  loop: UseQueryResult<LoopMetricsAnswer>;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <DashboardPanel id="loop" title={t('loop.title')}>
      <Stack gap={4}>
        <Title order={4} size="h5">
          {t('loop.recovery')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('loop.recoveryDescription')}
        </Text>
        <QueryState query={recovery} what={t('loop.recovery')} height={80}>
          {(answer) => <RecoverySummary answer={answer} />}
        </QueryState>
      </Stack>
      <Stack gap={4}>
        <Title order={4} size="h5">
          {t('loop.teams')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('loop.teamsDescription')}
        </Text>
        <QueryState query={loop} what={t('loop.teams')} refused={t('loop.teamsRefused')} height={80}>
          {(answer) => <LoopMetricsTable teams={answer.teams} />}
        </QueryState>
      </Stack>
    </DashboardPanel>
  );
}
