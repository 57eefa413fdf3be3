import { ValidationPipe } from '@nestjs/common';
import { fieldProblemsOf } from '@nps/runtime';
import { DispatchError, DispatchErrorCode } from './dispatch.error';

/** DTO validation whose 400 names every bad field: `{code: VALIDATION_FAILED, fields: [{field, reason}]}`. */
export function dispatchValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = fieldProblemsOf(errors);
      return new DispatchError(DispatchErrorCode.ValidationFailed, fields.map((f) => `${f.field}: ${f.reason}`).join('; '), fields);
    },
  });
}
