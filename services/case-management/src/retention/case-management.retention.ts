import type { RetentionDeclaration } from '@nps/persistence';
import type { CaseManagementEnv } from '../case-management.env';

/**
 * What case-management keeps and for how long (docs/privacy.md, Retention). A case goes
 * CASE_RETENTION_DAYS after it was resolved or closed, never while open, and takes what belongs to
 * it along (ON DELETE CASCADE: activity, notifications, recovery, account and improvement links).
 * Teams, members, rules, policies, the taxonomy and the configuration audit hold no customer's data.
 */
export const caseManagementRetention: RetentionDeclaration<CaseManagementEnv> = (env, tables) => [
  {
    name: 'sent notifications',
    table: tables.of('notifications'),
    datedBy: 'sent_at',
    maxAgeDays: env.SENT_NOTIFICATION_RETENTION_DAYS,
    onlyWhere: `status = 'sent'`,
  },
  {
    name: 'case activity',
    table: tables.of('case_activities'),
    datedBy: 'at',
    maxAgeDays: env.CASE_ACTIVITY_RETENTION_DAYS,
    onlyWhere: `case_id IN (SELECT id FROM ${tables.of('cases')} WHERE status = 'closed')`,
  },
  {
    name: 'cases',
    table: tables.of('cases'),
    datedBy: 'coalesce(closed_at, resolved_at)',
    maxAgeDays: env.CASE_RETENTION_DAYS,
    onlyWhere: `status IN ('resolved', 'closed')`,
  },
  {
    name: 'skipped detractors',
    table: tables.of('skipped_detractors'),
    datedBy: 'skipped_at',
    maxAgeDays: env.CASE_RETENTION_DAYS,
  },
  {
    name: 'account risk alerts',
    table: tables.of('account_risk_alerts'),
    datedBy: 'alerted_at',
    maxAgeDays: env.CASE_RETENTION_DAYS,
  },
  {
    name: 'customer scores',
    table: tables.of('customer_scores'),
    datedBy: 'answered_at',
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
  },
  {
    name: 'response enrichments',
    table: tables.of('response_enrichments'),
    datedBy: 'received_at',
    maxAgeDays: env.ANSWER_RETENTION_DAYS,
  },
];
