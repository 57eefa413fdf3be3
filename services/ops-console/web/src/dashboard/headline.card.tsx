import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NpsAnswer } from './dashboard.types';
import { LowSampleBadge } from './low-sample.badge';
import { rowIsLowSample } from './low-sample.rule';
import { formatInterval, formatMargin, formatNps, formatPct } from './nps.format';

/** The period's NPS, large, with its margin, interval, n and category mix. */
export function HeadlineFigure({ answer, period }: { answer: NpsAnswer; period: { from: string; to: string } }) {
  const { t } = useTranslation('dashboard');
  const total = answer.rows[0];
  if (!total) return <Text>{t('noAnswers')}</Text>;
  return (
    <Stack gap={4} data-testid="headline">
      <Group gap="xs" align="baseline" wrap="wrap">
        <Text component="span" fz={40} fw={700} lh={1} data-testid="headline-nps">
          {formatNps(total.nps)}
        </Text>
        <Text component="span" fz="xl" fw={600} data-testid="headline-margin">
          {formatMargin(total.marginOfError95)}
        </Text>
        {rowIsLowSample(total, answer.lowSampleBelow) && <LowSampleBadge below={answer.lowSampleBelow} />}
      </Group>
      <Text size="sm">
        {t('headline.interval', { interval: formatInterval(total.interval95) })} ·{' '}
        {t('headline.answers', { n: total.n.toLocaleString('en') })}
      </Text>
      <Text size="sm">
        {t('headline.mix', {
          promoters: formatPct(total.promoterPct),
          passives: formatPct(total.passivePct),
          detractors: formatPct(total.detractorPct),
        })}
      </Text>
      <Text size="xs" c="gray.7">
        {t('headline.period', period)}
      </Text>
    </Stack>
  );
}
