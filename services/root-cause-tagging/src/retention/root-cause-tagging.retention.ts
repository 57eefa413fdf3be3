import type { RetentionDeclaration } from '@nps/persistence';
import type { RootCauseTaggingEnv } from '../root-cause-tagging.env';

/**
 * What root-cause-tagging keeps and for how long (docs/privacy.md, Retention): comments and the
 * root causes cases confirmed for them go after ANSWER_RETENTION_DAYS; a model already trained on
 * them keeps its weights, the next retraining learns without them.
 */
export const rootCauseTaggingRetention: RetentionDeclaration<RootCauseTaggingEnv> = (env, tables) => [
  {
    name: 'confirmed examples',
    table: tables.of('confirmed_root_causes'),
    datedBy: 'confirmed_at',
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
  },
  {
    name: 'tagged comments',
    table: tables.of('tagged_comments'),
    datedBy: 'first_tagged_at',
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
  },
];
