import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOW_SAMPLE_BELOW } from './low-sample.rule';

/** A low-sample mark in words, not only colour: the badge says it, and its title says why. */
export function LowSampleBadge({ below = LOW_SAMPLE_BELOW }: { below?: number }) {
  const { t } = useTranslation('dashboard');
  return (
    <Badge variant="outline" color="dark" size="sm" title={t('lowSample.note', { below })}>
      {t('lowSample.mark')}
    </Badge>
  );
}
