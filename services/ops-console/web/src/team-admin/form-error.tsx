import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.error';

/** The reason case-management gave for `field` in a 400 (nested fields like `conditions.maxScore` too). */
export function fieldReason(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem.fields?.find((f) => f.field === field || f.field.endsWith(`.${field}`))?.reason;
}

/** A refused change in words next to its form: a title by status (400, 403, 409), the API's sentence, each field. */
export function FormError({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useTranslation('teamAdmin');
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const title =
    apiError?.status === 400
      ? t('errors.invalid')
      : apiError?.status === 403
        ? t('errors.forbidden')
        : apiError?.status === 409
          ? t('errors.conflict')
          : t('errors.failed');
  return (
    <Alert color="red" role="alert" title={title} data-testid={testId}>
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
