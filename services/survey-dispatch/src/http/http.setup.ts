import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DispatchErrorFilter } from '../errors/dispatch-error.filter';
import { dispatchValidationPipe } from '../errors/validation.pipe';

/** Body parsers for imports (JSON and CSV up to 20 MB), field-naming validation and error codes (OpenAPI comes from the service definition). */
export function configureHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '20mb' });
  express.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '20mb' });
  app.useGlobalPipes(dispatchValidationPipe());
  app.useGlobalFilters(new DispatchErrorFilter());
}
