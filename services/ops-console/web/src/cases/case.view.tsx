import { Alert, Badge, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/api.error';
import { ForbiddenPage } from '../layout/forbidden.page';
import { CaseActionsPanel } from './actions/case-actions.panel';
import { ActivityLog } from './activity-log';
import { CustomerStoryPanel } from './customer-story.panel';
import { SlaClocks } from './sla-clocks';
import { useCaseDetail } from './use-case-detail';

/** One case (the page notification e-mails link to): the customer story, SLA clocks, actions, activity. */
export function CaseView() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation('cases');
  const detail = useCaseDetail(caseId);

  if (detail.isPending) return <Loader aria-label={t('loading')} />;
  if (detail.isError) {
    const error = detail.error;
    if (error instanceof ApiError && error.status === 403) return <ForbiddenPage />;
    return (
      <Stack>
        <Title order={2}>{t('title')}</Title>
        <Alert
          color="red"
          role="alert"
          title={error instanceof ApiError && error.status === 404 ? t('notFound') : t('failed')}
        >
          {error.message}
        </Alert>
      </Stack>
    );
  }
  const { case: item, customerStory, activity } = detail.data;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('heading', { customer: customerStory.name || item.customerId, score: item.score })}</Title>
        <Group gap="xs" mt={4}>
          <Badge variant="outline" data-testid="case-status">
            {t(`status.${item.status}`)}
          </Badge>
          <Badge variant="outline" color="dark">
            {t('priorityLabel', { priority: t(`priority.${item.priority}`) })}
          </Badge>
          <Text size="sm">{t('owner', { owner: item.ownerId ?? t('unassigned'), team: item.teamId })}</Text>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {t('assignment', { detail: item.assignmentDetail || item.assignmentReason })}
        </Text>
        <Text mt="xs">“{item.comment}”</Text>
        {item.outcome && (
          <Text size="sm" mt={4}>
            {t('resolution', { outcome: t(`outcome.${item.outcome}`), rootCause: item.rootCauseTagId ?? '—' })}
          </Text>
        )}
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <CustomerStoryPanel story={customerStory} caseId={item.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <SlaClocks item={item} />
            <CaseActionsPanel item={item} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ActivityLog entries={activity} />
    </Stack>
  );
}
