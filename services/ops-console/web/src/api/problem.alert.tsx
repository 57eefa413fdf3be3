import { Alert, List } from '@mantine/core';
import { ApiError } from './api.error';

/** The reason the API gave for `field` in a 400 (nested fields like `conditions.maxScore` too). */
export function fieldReason(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem.fields?.find((f) => f.field === field || f.field.endsWith(`.${field}`))?.reason;
}

/** A refusal in words under the caller's `title`: the API's sentence and, for a 400, each field's reason. */
export function ProblemAlert({ error, title, testId }: { error: unknown; title: string; testId: string }) {
  const apiError = error instanceof ApiError ? error : null;
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
