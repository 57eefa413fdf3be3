import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { breachRisk } from '../queues/breach-risk';
import { RiskBadge, TimeLeftLabel } from '../queues/sla-badge';
import { formatInstant, viewerTimeZone } from '../queues/time-left';
import { useNow } from '../queues/use-now';
import type { CaseItem } from './case.types';

/** The two SLA clocks: first contact (stops when the customer was reached) and resolution. */
export function SlaClocks({ item }: { item: CaseItem }) {
  const { t } = useTranslation('cases');
  const now = useNow();
  const zone = viewerTimeZone();
  const finished = item.status === 'resolved' || item.status === 'closed';
  const clocks = [
    { name: 'firstContact', dueAt: item.firstContactDueAt, metAt: item.firstContactedAt },
    { name: 'resolution', dueAt: item.resolutionDueAt, metAt: finished ? item.resolvedAt : null },
  ];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="sla-title">
      <Title order={3} size="h4" id="sla-title" mb="xs">
        {t('sla.title')}
      </Title>
      <Stack gap="xs">
        {clocks.map((clock) => {
          const stopped = clock.metAt !== null || finished;
          const risk = breachRisk(clock.dueAt, item.openedAt, now, stopped);
          const late = clock.metAt !== null && Date.parse(clock.metAt) > Date.parse(clock.dueAt);
          return (
            <div key={clock.name} data-testid={`sla-${clock.name}`}>
              <Text size="sm" fw={600}>
                {t(`sla.${clock.name}`)}
              </Text>
              <Group gap="xs">
                {stopped ? (
                  <RiskBadge risk={late ? 'breached' : 'done'} />
                ) : (
                  <TimeLeftLabel dueAt={clock.dueAt} now={now} risk={risk} />
                )}
                <Text size="xs" c="dimmed">
                  {clock.metAt
                    ? t(late ? 'sla.metLate' : 'sla.met', { at: formatInstant(clock.metAt, zone) })
                    : t('sla.due', { at: formatInstant(clock.dueAt, zone) })}
                </Text>
              </Group>
            </div>
          );
        })}
        {item.escalationLevel > 0 && (
          <Text size="sm" c="red.9" fw={600}>
            {t('sla.escalated', { level: item.escalationLevel })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
