import type { RetentionDeclaration } from '@nps/persistence';
import type { ResponseIngestionEnv } from '../response-ingestion.env';

/**
 * What response-ingestion keeps and for how long (docs/privacy.md, Retention). An answered survey
 * request goes with its answer (ON DELETE CASCADE); one never answered goes once it expired or was
 * revoked that long ago. `rate_limits` expire by themselves (rate-limiter-flexible).
 */
export const responseIngestionRetention: RetentionDeclaration<ResponseIngestionEnv> = (env, tables) => [
  {
    name: 'unanswered survey requests',
    table: tables.of('survey_requests'),
    datedBy: 'coalesce(expired_at, revoked_at)',
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
    onlyWhere: 'response_id IS NULL',
  },
  {
    name: 'answers',
    table: tables.of('responses'),
    datedBy: 'answered_at',
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
  },
  {
    name: 'idempotency keys',
    table: tables.of('idempotency_keys'),
    datedBy: 'created_at',
    maxAgeDays: env.IDEMPOTENCY_KEY_RETENTION_DAYS,
  },
];
