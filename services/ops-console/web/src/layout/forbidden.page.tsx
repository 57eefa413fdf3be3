import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a person sees when a role or team rule refuses them (the API's 403, or a role check). */
export function ForbiddenPage({ detail }: { detail?: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('errors.forbiddenTitle')}</Title>
      <Alert color="red" role="alert">
        {detail ?? t('errors.forbidden')}
      </Alert>
      <Anchor component={Link} to="/queues">
        {t('errors.backToQueues')}
      </Anchor>
    </Stack>
  );
}
