import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DashboardPanel, QueryState } from './dashboard.panel';
import type { CompareAnswer, NpsSummary } from './dashboard.types';
import { LowSampleBadge } from './low-sample.badge';
import { formatInterval, formatNpsWithMargin } from './nps.format';
import { PeriodInputs } from './period.inputs';

type Period = { from: string; to: string };

function Side({ name, period, summary }: { name: string; period: Period; summary: NpsSummary | null }) {
  const { t } = useTranslation('dashboard');
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {name}: {t('compare.side', period)}
      </Text>
      {summary ? (
        <>
          <Group gap="xs">
            <Text fz="lg" fw={700}>
              NPS {formatNpsWithMargin(summary.nps, summary.marginOfError95)}
            </Text>
            {summary.lowSample && <LowSampleBadge />}
          </Group>
          <Text size="sm">
            {t('headline.interval', { interval: formatInterval(summary.interval95) })} ·{' '}
            {t('headline.answers', { n: summary.n })}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('noAnswers')}</Text>
      )}
    </Stack>
  );
}

/** Two periods' NPS and scoring's verdict on the change between them, in its own words. */
export function ComparePanel({
  first,
  second,
  onFirst,
  onSecond,
  query,
}: {
  first: Period;
  second: Period;
  onFirst: (period: Period) => void;
  onSecond: (period: Period) => void;
  query: UseQueryResult<CompareAnswer>;
}) {
  const { t } = useTranslation('dashboard');
  const firstName = t('compare.first');
  const secondName = t('compare.second');
  return (
    <DashboardPanel id="compare" title={t('compare.title')} description={t('compare.description')}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <PeriodInputs
          period={first}
          onChange={onFirst}
          fromLabel={t('compare.from', { side: firstName })}
          toLabel={t('compare.to', { side: firstName })}
        />
        <PeriodInputs
          period={second}
          onChange={onSecond}
          fromLabel={t('compare.from', { side: secondName })}
          toLabel={t('compare.to', { side: secondName })}
        />
      </SimpleGrid>
      <QueryState query={query} what={t('compare.title')}>
        {(answer) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <Side name={firstName} period={first} summary={answer.first.summary} />
              <Side name={secondName} period={second} summary={answer.second.summary} />
            </SimpleGrid>
            {answer.change ? (
              <Group gap="xs" wrap="wrap">
                <Text fw={600} data-testid="compare-sentence">
                  {t('compare.change', { sentence: answer.change.sentence })}
                </Text>
                <Badge variant="outline" color={answer.change.significant95 ? 'blue' : 'dark'}>
                  {answer.change.significant95 ? t('compare.significant') : t('compare.notSignificant')}
                </Badge>
              </Group>
            ) : (
              <Text data-testid="compare-sentence">{t('compare.noChange')}</Text>
            )}
          </Stack>
        )}
      </QueryState>
    </DashboardPanel>
  );
}
