import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The ops API described at /docs (UI) and /docs-json (OpenAPI 3). */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('case-management ops API')
    .setDescription(
      'Follow-up cases for detractors: queue, customer story, lifecycle, routing rules, teams, SLA policies, loop metrics. ' +
        'Bearer JWT with `sub` (member id), `roles` (agent, lead, admin) and `teams` (team ids). See docs/case-management.md.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
