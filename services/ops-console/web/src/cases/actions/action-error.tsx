import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.error';

/** The reason field of `field` in a 400's problem, for the input's error text. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem.fields?.find((f) => f.field === field)?.reason;
}

/** A refused action in words: the API's sentence, and for a 400 each field's reason. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation('cases');
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const title =
    apiError?.status === 409
      ? t('errors.conflict')
      : apiError?.status === 400
        ? t('errors.invalid')
        : t('errors.failed');
  return (
    <Alert color="red" role="alert" title={title} data-testid="action-error">
      {apiError ? (apiError.problem.detail ?? apiError.message) : String(error)}
      {apiError?.problem.fields?.length ? (
        <List size="sm" mt="xs">
          {apiError.problem.fields.map((f) => (
            <List.Item key={f.field}>
              {f.field}: {f.reason}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
