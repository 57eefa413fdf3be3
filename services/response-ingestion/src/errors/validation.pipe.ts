import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { IngestionError, IngestionErrorCode, type FieldProblem } from './ingestion.error';

/** DTO validation whose 400 names every bad field (`fields: [{ field, reason }]`). */
export function ingestionValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = errors.flatMap((error) => problemsOf(error));
      return new IngestionError(IngestionErrorCode.ValidationFailed, fields.map((f) => `${f.field}: ${f.reason}`).join('; '), fields);
    },
  });
}

function problemsOf(error: ValidationError, parent = ''): FieldProblem[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
  return [...own, ...(error.children ?? []).flatMap((child) => problemsOf(child, field))];
}
