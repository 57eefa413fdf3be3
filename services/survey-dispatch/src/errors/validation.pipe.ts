import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DispatchError, DispatchErrorCode, type FieldProblem } from './dispatch.error';

/** DTO validation whose 400 names every bad field: `{code: VALIDATION_FAILED, fields: [{field, reason}]}`. */
export function dispatchValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = errors.flatMap((error) => problemsOf(error));
      return new DispatchError(DispatchErrorCode.ValidationFailed, fields.map((f) => `${f.field}: ${f.reason}`).join('; '), fields);
    },
  });
}

function problemsOf(error: ValidationError, parent = ''): FieldProblem[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ field, reason: message.replace(new RegExp(`^${error.property} `), '') }));
  return [...own, ...(error.children ?? []).flatMap((child) => problemsOf(child, field))];
}
