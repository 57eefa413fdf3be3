import { ValidationPipe } from '@nestjs/common';
import { fieldProblemsOf } from '../http/field-problems';
import { DomainError } from './domain.error';
import { PlatformProblemCode } from './problem-details';

/**
 * DTO validation of every service: unknown properties refused, values transformed to their declared types,
 * and a 400 `VALIDATION_FAILED` naming every bad field as `fields: [{ field, reason }]`.
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = fieldProblemsOf(errors);
      const detail = fields.map((problem) => `${problem.field}: ${problem.reason}`).join('; ');
      return new DomainError(PlatformProblemCode.VALIDATION_FAILED, 400, detail, { fields });
    },
  });
}
