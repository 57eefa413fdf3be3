import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.error';
import { ProblemAlert } from '../api/problem.alert';

export { fieldReason } from '../api/problem.alert';

/** A refused change in words next to its form: a title by status (400, 403, 409), the API's sentence, each field. */
export function FormError({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useTranslation('teamAdmin');
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : undefined;
  const title =
    status === 400
      ? t('errors.invalid')
      : status === 403
        ? t('errors.forbidden')
        : status === 409
          ? t('errors.conflict')
          : t('errors.failed');
  return <ProblemAlert error={error} title={title} testId={testId} />;
}
