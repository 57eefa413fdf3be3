import { Alert, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.error';

/** A titled section of the dashboard; `id` names its heading, so the section is a labelled region. */
export function DashboardPanel({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`} data-testid={id} padding="md">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={`${id}-title`}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="gray.7">
              {description}
            </Text>
          )}
        </div>
        {actions}
        {children}
      </Stack>
    </Card>
  );
}

/**
 * A query's figures once they are there; meanwhile a skeleton announced as loading, and a failure as
 * the API's sentence (a 403 as `refused`, since a role refusal is not an outage).
 */
export function QueryState<T>({
  query,
  what,
  refused,
  height = 120,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  refused?: string;
  height?: number;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation('dashboard');
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) {
    const forbidden = query.error instanceof ApiError && query.error.status === 403;
    return (
      <Alert color={forbidden ? 'gray' : 'red'} role={forbidden ? 'status' : 'alert'}>
        {forbidden ? (refused ?? t('refused')) : query.error.message}
      </Alert>
    );
  }
  return (
    <div role="status" aria-live="polite">
      <Skeleton height={height} aria-label={t('loading', { what })} />
    </div>
  );
}
