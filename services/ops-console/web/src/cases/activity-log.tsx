import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, viewerTimeZone } from '../queues/time-left';
import { activityText, newestFirst } from './activity.format';
import type { ActivityEntry } from './case.types';

/** What happened to the case, newest first, in the viewer's time zone. */
export function ActivityLog({ entries }: { entries: ActivityEntry[] }) {
  const { t } = useTranslation('cases');
  const zone = viewerTimeZone();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="activity-title">
      <Title order={3} size="h4" id="activity-title" mb="xs">
        {t('activityLog.title')}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} data-testid="activity-log">
          <Table.Caption>{t('activityLog.caption', { zone })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('activityLog.when')}</Table.Th>
              <Table.Th scope="col">{t('activityLog.who')}</Table.Th>
              <Table.Th scope="col">{t('activityLog.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst(entries).map((entry, index) => {
              const { key, values } = activityText(entry);
              return (
                <Table.Tr key={`${entry.at}-${index}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(entry.at, zone)}</Table.Td>
                  <Table.Td>{entry.actorId || t('activityLog.system')}</Table.Td>
                  <Table.Td>{t(key, values)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
