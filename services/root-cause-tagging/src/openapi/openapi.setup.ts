import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /docs and the OpenAPI document at /docs-json. */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('root-cause-tagging')
    .setDescription(
      'Tags NPS comments (language, sentiment, root causes with polarity, confidence and span) and publishes `nps.response.tagged.v1`. ' +
        'Admin API of the versioned root-cause taxonomy, the learned model (versions, retrain) and re-tagging. See docs/tagging.md.',
    )
    .setVersion('1')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
