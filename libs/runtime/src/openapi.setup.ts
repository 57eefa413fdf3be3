import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** What a service says about its HTTP API; the routes and schemas come from its controllers and DTOs. */
export interface ApiDescription {
  description: string;
  /** Whether routes take `Authorization: Bearer <JWT>`. */
  bearerAuth?: boolean;
}

/** Swagger UI at /docs and the OpenAPI 3 document at /docs-json, the same on every service. */
export function serveOpenApi(app: INestApplication, service: string, api: ApiDescription): void {
  const builder = new DocumentBuilder().setTitle(service).setDescription(api.description).setVersion('1');
  if (api.bearerAuth) builder.addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const config = builder.build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
