import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Body parsers for imports (JSON and CSV up to 20 MB); validation, errors and OpenAPI come from @nps/runtime. */
export function configureHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '20mb' });
  express.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '20mb' });
}
