import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /docs and the OpenAPI document at /docs-json. */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('response-ingestion')
    .setDescription(
      'Takes NPS answers from every channel and publishes each accepted one as exactly one `nps.response.received.v1` (or `nps.response.revised.v1`). ' +
        'The survey page itself (`GET/POST /s/{token}`) is HTML for people and is described in docs/response-ingestion.md.',
    )
    .setVersion('1')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
