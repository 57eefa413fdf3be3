import { Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { browserLocale } from '../queues/time-left';
import type { CustomerStory } from './case.types';

// The chart brings the charting library: loaded with the first case opened, not with the queue.
const ScoreChart = lazy(() => import('./score-chart').then((m) => ({ default: m.ScoreChart })));

/** The customer story: facts and CRM attributes, scores over time, comments with tags, earlier cases. */
export function CustomerStoryPanel({ story, caseId }: { story: CustomerStory; caseId: string }) {
  const { t } = useTranslation('cases');
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(browserLocale()) : '—');
  const facts: [string, string][] = [
    [t('story.segment'), story.facts.segment],
    [t('story.region'), story.facts.region],
    [t('story.tier'), story.facts.tier],
    [t('story.language'), story.facts.language],
    [t('story.accountOwner'), story.facts.accountOwnerId],
    ...Object.entries(story.crmAttributes).map(([key, value]): [string, string] => [key, String(value)]),
  ];
  const others = story.previousCases;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="story-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="story-title">
          {t('story.title', { name: story.name || story.customerId })}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="xs" component="dl" m={0}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value || '—'}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Title order={4} size="h5">
          {t('story.scores')}
        </Title>
        <Suspense fallback={<Loader size="sm" aria-label={t('story.scores')} />}>
          <ScoreChart scores={story.scores} />
        </Suspense>
        <Title order={4} size="h5">
          {t('story.comments')}
        </Title>
        {story.comments.length === 0 && <Text size="sm">{t('story.noComments')}</Text>}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {story.comments.map((c) => (
            <li key={c.responseId}>
              <Text size="sm">
                <Text span c="dimmed" size="xs">
                  {day(c.at)} ·{' '}
                </Text>
                “{c.comment}”
              </Text>
              <Group gap={4} mt={2}>
                {c.tagIds.length === 0 && (
                  <Text size="xs" c="dimmed">
                    {t('story.untagged')}
                  </Text>
                )}
                {c.tagIds.map((tag) => (
                  <Badge key={tag} size="sm" variant="outline">
                    {tag}
                  </Badge>
                ))}
              </Group>
            </li>
          ))}
        </Stack>
        <Title order={4} size="h5">
          {t('story.previousCases')}
        </Title>
        {others.length === 0 ? (
          <Text size="sm">{t('story.noPreviousCases')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={4}>
              <Table.Caption>{t('story.previousCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('story.opened')}</Table.Th>
                  <Table.Th scope="col">{t('story.team')}</Table.Th>
                  <Table.Th scope="col">{t('story.status')}</Table.Th>
                  <Table.Th scope="col">{t('story.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('story.rootCause')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {others.map((c, index) => (
                  <Table.Tr key={'redacted' in c ? `redacted-${index}` : c.id}>
                    <Table.Td>
                      {'redacted' in c ? (
                        day(c.openedAt)
                      ) : (
                        <Anchor
                          component={Link}
                          to={`/cases/${c.id}`}
                          aria-current={c.id === caseId ? 'page' : undefined}
                        >
                          {day(c.openedAt)}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>{c.teamId}</Table.Td>
                    <Table.Td>{t(`status.${c.status}`)}</Table.Td>
                    <Table.Td>
                      {'redacted' in c ? t('story.redacted') : c.outcome ? t(`outcome.${c.outcome}`) : '—'}
                    </Table.Td>
                    <Table.Td>{'redacted' in c ? '' : (c.rootCauseTagId ?? '—')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
