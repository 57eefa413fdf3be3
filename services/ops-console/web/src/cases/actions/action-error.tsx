import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.error';
import { ProblemAlert } from '../../api/problem.alert';

/** The reason field of `field` in a 400's problem, for the input's error text. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem.fields?.find((f) => f.field === field)?.reason;
}

/** A refused action in words: the API's sentence, and for a 400 each field's reason. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation('cases');
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : undefined;
  const title = status === 409 ? t('errors.conflict') : status === 400 ? t('errors.invalid') : t('errors.failed');
  return <ProblemAlert error={error} title={title} testId="action-error" />;
}
