import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type BreachRisk, RISK_STYLE } from './breach-risk';
import { shortDuration, timeLeft } from './time-left';

/** The breach risk in words and colour (never colour alone, WCAG 1.4.1). */
export function RiskBadge({ risk }: { risk: BreachRisk }) {
  const { t } = useTranslation('queues');
  return (
    <Badge variant="light" style={RISK_STYLE[risk]} data-risk={risk}>
      {t(`risk.${risk}`)}
    </Badge>
  );
}

/** "3 h 05 min left" or "overdue by 40 min", next to its risk badge. */
export function TimeLeftLabel({ dueAt, now, risk }: { dueAt: string; now: number; risk: BreachRisk }) {
  const { t } = useTranslation('queues');
  const left = timeLeft(dueAt, now);
  const text = left.overdue
    ? t('timeLeft.overdue', { duration: shortDuration(left) })
    : t('timeLeft.left', { duration: shortDuration(left) });
  return (
    <Group gap="xs" wrap="nowrap">
      <RiskBadge risk={risk} />
      {risk !== 'done' && (
        <Text size="sm" fw={risk === 'breached' ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
          {text}
        </Text>
      )}
    </Group>
  );
}
