import type { RetentionDeclaration } from '@nps/persistence';
import type { SurveyDispatchEnv } from '../survey-dispatch.env';

const OPEN_REQUESTS = `'scheduled', 'sent', 'reminded'`;

/**
 * What survey-dispatch keeps and for how long (docs/privacy.md, Retention). Open work (a request
 * not yet answered or expired, a pending recovery survey or promoter follow-up, a deferral still
 * ahead) is never pruned. Contacts stay while the CRM keeps them: they go by erasure, not by age.
 */
export const surveyDispatchRetention: RetentionDeclaration<SurveyDispatchEnv> = (env, tables) => {
  const dispatchDays = Math.max(env.DISPATCH_RETENTION_DAYS, longestContactWindowDays(env));
  return [
    {
      name: 'survey requests',
      table: tables.of('survey_requests'),
      datedBy: 'coalesce(closed_at, requested_at)',
      maxAgeDays: dispatchDays,
      onlyWhere: `status NOT IN (${OPEN_REQUESTS})`,
    },
    {
      name: 'suppressions',
      table: tables.of('suppressions'),
      datedBy: 'greatest(recorded_at, deferred_until)',
      maxAgeDays: dispatchDays,
    },
    {
      name: 'recovery surveys',
      table: tables.of('recovery_surveys'),
      datedBy: 'coalesce(decided_at, requested_at)',
      maxAgeDays: dispatchDays,
      onlyWhere: `status <> 'pending'`,
    },
    {
      name: 'promoter follow-ups',
      table: tables.of('promoter_follow_ups'),
      datedBy: 'coalesce(followed_up_at, decided_at)',
      maxAgeDays: env.ANSWER_RETENTION_DAYS,
      onlyWhere: `status <> 'pending'`,
    },
  ];
};

/** The longest window the contact policy looks back over past requests, in days. */
export function longestContactWindowDays(env: SurveyDispatchEnv): number {
  const perType = [...env.CONTACT_CAP_PER_TYPE.matchAll(/:(\d+)/g)].map((match) => Number(match[1]));
  const perAttribute = [...env.CONTACT_ATTRIBUTE_RULES.matchAll(/:(\d+)d/g)].map((match) => Number(match[1]));
  return Math.max(env.CONTACT_CAP_DAYS, ...perType, ...perAttribute);
}
