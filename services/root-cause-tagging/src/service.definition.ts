import { MessagingTables1763856000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { TaggingTables1763900000000 } from './migrations/1763900000000-tagging-tables';
import { FirstTaggedAt1765620000001 } from './migrations/1765620000001-first-tagged-at';
import { DenseModelWeights1765730000100 } from './migrations/1765730000100-dense-model-weights';
import { rootCauseTaggingRetention } from './retention/root-cause-tagging.retention';
import { RootCauseTaggingEnv } from './root-cause-tagging.env';
import { TaxonomyVersionEntity } from './taxonomy/taxonomy-version.entity';

export const service: ServiceDefinition<RootCauseTaggingEnv> = {
  name: 'root-cause-tagging',
  env: RootCauseTaggingEnv,
  schema: 'root_cause_tagging',
  // The taxonomy still reads its table through a TypeORM entity (docs/adr/0013-persistence-convention.md).
  entities: [TaxonomyVersionEntity],
  migrations: [
    MessagingTables1763856000000,
    TaggingTables1763900000000,
    FirstTaggedAt1765620000001,
    DenseModelWeights1765730000100,
  ],
  retention: rootCauseTaggingRetention,
  api: {
    bearerAuth: true,
    description:
      'Tags NPS comments (language, sentiment, root causes with polarity, confidence and span) and publishes ' +
      '`nps.response.tagged.v1`. Admin API of the versioned root-cause taxonomy, the learned model (versions, ' +
      'retrain) and re-tagging. See docs/tagging.md.',
  },
};
