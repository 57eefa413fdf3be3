import type { RetentionDeclaration } from '@nps/persistence';
import type { ScoringEnv } from '../scoring.env';

// A response is dated by its answer; a row made by a revision or tags whose answer never came, by those.
const RESPONSE_DATE = 'coalesce(answered_at, scored_at, tagged_at)';

/**
 * What scoring keeps and for how long (docs/privacy.md, Retention): per-answer rows go after
 * ANSWER_RETENTION_DAYS; the rollups that /nps reads are never recomputed from them, so they stay.
 * Tags go first, dated by their response, which goes next.
 */
export const scoringRetention: RetentionDeclaration<ScoringEnv> = (env, tables) => [
  {
    name: 'response tags',
    table: tables.of('response_tags'),
    datedBy: `(SELECT ${RESPONSE_DATE} FROM ${tables.of('responses')} r
      WHERE r.response_id = response_tags.response_id)`,
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
  },
  {
    name: 'scored responses',
    table: tables.of('responses'),
    datedBy: RESPONSE_DATE,
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
  },
  {
    name: 'follow-ups',
    table: tables.of('follow_ups'),
    datedBy: 'recorded_at',
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
  },
  {
    name: 'recovery measurements',
    table: tables.of('recovery_measurements'),
    datedBy: 'answered_at',
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
  },
];
