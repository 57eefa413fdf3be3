import { ValidationPipe } from '@nestjs/common';
import { fieldProblemsOf } from '@nps/runtime';
import { IngestionError, IngestionErrorCode } from './ingestion.error';

/** DTO validation whose 400 names every bad field (`fields: [{ field, reason }]`). */
export function ingestionValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = fieldProblemsOf(errors);
      return new IngestionError(IngestionErrorCode.ValidationFailed, fields.map((f) => `${f.field}: ${f.reason}`).join('; '), fields);
    },
  });
}
