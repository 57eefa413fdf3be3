import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases and everything they are routed, timed and notified by (docs/case-management.md). */
export class CaseManagementTables1763900000000 implements MigrationInterface {
  name = 'CaseManagementTables1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    const t = (name: string) => qualifiedTable(runner, name);
    await runner.query(`CREATE TABLE ${t('teams')} (
      id text PRIMARY KEY, name text NOT NULL, lead_member_id text, escalation_member_id text, escalation_email text,
      time_zone text NOT NULL, working_days int[] NOT NULL, day_start text NOT NULL, day_end text NOT NULL,
      holidays text[] NOT NULL DEFAULT '{}', webhook_url text,
      version int NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE ${t('members')} (
      id text PRIMARY KEY, team_id text NOT NULL REFERENCES ${t('teams')}(id), name text NOT NULL, email text NOT NULL,
      available boolean NOT NULL DEFAULT true, last_assigned_at timestamptz,
      -- cases owned that are open or in progress; kept in the transactions that change them, read under the team lock
      open_cases int NOT NULL DEFAULT 0,
      version int NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE ${t('routing_rules')} (
      id text PRIMARY KEY, position int NOT NULL, team_id text NOT NULL REFERENCES ${t('teams')}(id),
      conditions jsonb NOT NULL DEFAULT '{}', priority text, enabled boolean NOT NULL DEFAULT true,
      version int NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE ${t('sla_policies')} (
      priority text PRIMARY KEY, first_contact_minutes int NOT NULL, resolution_minutes int NOT NULL,
      version int NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`INSERT INTO ${t('sla_policies')} (priority, first_contact_minutes, resolution_minutes) VALUES
      ('urgent', 120, 480), ('high', 240, 960), ('normal', 480, 1440), ('low', 960, 2400)`);
    await runner.query(`CREATE TABLE ${t('config_changes')} (
      id bigserial PRIMARY KEY, entity text NOT NULL, entity_id text NOT NULL, version int NOT NULL, action text NOT
        NULL,
      actor_id text NOT NULL, snapshot jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE ${t('customers')} (
      customer_id text PRIMARY KEY, name text NOT NULL DEFAULT '', language text NOT NULL DEFAULT '', segment text NOT
        NULL DEFAULT '',
      region text NOT NULL DEFAULT '', tier text NOT NULL DEFAULT '', account_owner_id text NOT NULL DEFAULT '',
      attributes jsonb NOT NULL DEFAULT '{}', occurred_at timestamptz NOT NULL)`);
    await runner.query(`CREATE TABLE ${t('customer_scores')} (
      response_id text NOT NULL, revision int NOT NULL, customer_id text NOT NULL, score int NOT NULL, answered_at
        timestamptz,
      PRIMARY KEY (response_id, revision))`);
    await runner.query(`CREATE INDEX ON ${t('customer_scores')} (customer_id)`);
    await runner.query(`CREATE TABLE ${t('response_enrichments')} (
      response_id text PRIMARY KEY, customer_id text NOT NULL, tag_ids text[] NOT NULL DEFAULT '{}', tags_revision int
        NOT NULL DEFAULT -1,
      language text NOT NULL DEFAULT '', comment text, comment_revision int NOT NULL DEFAULT -1)`);
    await runner.query(`CREATE TABLE ${t('cases')} (
      id uuid PRIMARY KEY, response_id text NOT NULL UNIQUE, customer_id text NOT NULL, team_id text NOT NULL, owner_id
        text,
      status text NOT NULL, priority text NOT NULL, score int NOT NULL, comment text NOT NULL DEFAULT '', revision int
        NOT NULL DEFAULT 0,
      touchpoint_id text NOT NULL DEFAULT '', touchpoint_type text NOT NULL DEFAULT '', channel text NOT NULL DEFAULT
        '',
      tag_ids text[] NOT NULL DEFAULT '{}', tags_revision int NOT NULL DEFAULT -1,
      segment text NOT NULL DEFAULT '', region text NOT NULL DEFAULT '', tier text NOT NULL DEFAULT '', language text
        NOT NULL DEFAULT '',
      rule_id text, assignment_reason text NOT NULL, assignment_detail text NOT NULL,
      first_contact_due_at timestamptz NOT NULL, resolution_due_at timestamptz NOT NULL,
      first_contacted_at timestamptz, resolved_at timestamptz, closed_at timestamptz,
      root_cause_tag_id text, outcome text, escalation_level int NOT NULL DEFAULT 0,
      first_contact_escalated_at timestamptz, resolution_escalated_at timestamptz,
      opened_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE INDEX ON ${t('cases')} (owner_id) WHERE status IN ('open', 'in_progress')`);
    await runner.query(`CREATE INDEX ON ${t('cases')} (team_id, status)`);
    await runner.query(`CREATE INDEX ON ${t('cases')} (customer_id)`);
    await runner.query(`CREATE TABLE ${t('case_activities')} (
      id bigserial PRIMARY KEY, case_id uuid NOT NULL REFERENCES ${t('cases')}(id), at timestamptz NOT NULL DEFAULT
        now(),
      actor_id text NOT NULL DEFAULT '', kind text NOT NULL, detail jsonb NOT NULL DEFAULT '{}')`);
    await runner.query(`CREATE INDEX ON ${t('case_activities')} (case_id, id)`);
    await runner.query(`CREATE TABLE ${t('notifications')} (
      id bigserial PRIMARY KEY, case_id uuid NOT NULL REFERENCES ${t('cases')}(id), recipient_id text NOT NULL DEFAULT
        '', channel text NOT NULL,
      target text NOT NULL, kind text NOT NULL, subject text NOT NULL, body text NOT NULL, status text NOT NULL DEFAULT
        'pending',
      attempts int NOT NULL DEFAULT 0, next_attempt_at timestamptz NOT NULL DEFAULT now(), last_error text,
      created_at timestamptz NOT NULL DEFAULT now(), sent_at timestamptz)`);
    await runner.query(`CREATE INDEX ON ${t('notifications')} (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'case_activities',
      'cases',
      'response_enrichments',
      'customer_scores',
      'customers',
      'config_changes',
      'sla_policies',
      'routing_rules',
      'members',
      'teams',
    ]) {
      await runner.query(`DROP TABLE ${qualifiedTable(runner, table)}`);
    }
  }
}
