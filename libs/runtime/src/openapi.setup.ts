import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { guardDocs } from './docs-access.middleware';

/** What a service says about its HTTP API; the routes and schemas come from its controllers and DTOs. */
export interface ApiDescription {
  description: string;
  /** Whether routes take `Authorization: Bearer <JWT>`. */
  bearerAuth?: boolean;
}

/** Where the documentation is served: in production only to admins (docs/security.md). */
export interface DocsExposure {
  production: boolean;
  retryAfterSeconds: number;
}

/**
 * Swagger UI at /docs and the OpenAPI 3 document at /docs-json, the same on every service; open in
 * development, role admin in production.
 */
export function serveOpenApi(
  app: INestApplication,
  service: string,
  api: ApiDescription,
  exposure: DocsExposure = { production: false, retryAfterSeconds: 5 },
): void {
  if (exposure.production) guardDocs(app, service, exposure.retryAfterSeconds);
  SwaggerModule.setup('docs', app, () => openApiDocument(app, service, api), { jsonDocumentUrl: 'docs-json' });
}

/** The OpenAPI 3 document served at /docs-json; `npm run openapi:export` writes it to docs/openapi/. */
export function openApiDocument(app: INestApplication, service: string, api: ApiDescription): OpenAPIObject {
  const builder = new DocumentBuilder().setTitle(service).setDescription(api.description).setVersion('1');
  if (api.bearerAuth) builder.addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  return SwaggerModule.createDocument(app, builder.build());
}
