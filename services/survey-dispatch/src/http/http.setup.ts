import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DispatchErrorFilter } from '../errors/dispatch-error.filter';
import { dispatchValidationPipe } from '../errors/validation.pipe';

/** Body parsers for imports (JSON and CSV up to 20 MB), field-naming validation and error codes, OpenAPI at /docs and /docs-json. */
export function configureHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '20mb' });
  express.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '20mb' });
  app.useGlobalPipes(dispatchValidationPipe());
  app.useGlobalFilters(new DispatchErrorFilter());
  const config = new DocumentBuilder()
    .setTitle('survey-dispatch')
    .setDescription('Contacts (the only holder of email and phone), contact policy, ad-hoc surveys and the state of survey requests.')
    .setVersion('1')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
