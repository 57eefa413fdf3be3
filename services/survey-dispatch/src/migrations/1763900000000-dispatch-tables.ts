import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts (the only place with email and phone), survey requests and recorded contact-policy decisions. */
export class DispatchTables1763900000000 implements MigrationInterface {
  name = 'DispatchTables1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    const customers = qualifiedTable(runner, 'customers');
    const requests = qualifiedTable(runner, 'survey_requests');
    const suppressions = qualifiedTable(runner, 'suppressions');
    await runner.query(`CREATE TABLE ${customers} (
      customer_id text PRIMARY KEY,
      name text NOT NULL DEFAULT '',
      email text,
      phone text,
      language text NOT NULL,
      segment text NOT NULL DEFAULT '',
      region text NOT NULL DEFAULT '',
      account_owner_id text NOT NULL DEFAULT '',
      tier text NOT NULL DEFAULT '',
      time_zone text NOT NULL,
      opted_out boolean NOT NULL DEFAULT false,
      opted_out_channels integer[] NOT NULL DEFAULT '{}',
      preferred_channel integer,
      webhook_url text,
      attributes jsonb NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE ${requests} (
      id uuid PRIMARY KEY,
      customer_id text NOT NULL,
      touchpoint_id text NOT NULL,
      touchpoint_type text NOT NULL,
      channel integer NOT NULL,
      language text NOT NULL,
      origin text NOT NULL,
      status text NOT NULL,
      next_action text,
      due_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      requested_at timestamptz NOT NULL,
      sent_at timestamptz,
      expires_at timestamptz,
      reminded_at timestamptz,
      answered_at timestamptz,
      closed_at timestamptz,
      CONSTRAINT survey_requests_one_per_touchpoint UNIQUE (touchpoint_type, touchpoint_id))`);
    await runner.query(`CREATE INDEX survey_requests_due ON ${requests} (due_at) WHERE next_action IS NOT NULL`);
    await runner.query(`CREATE INDEX survey_requests_customer ON ${requests} (customer_id, requested_at)`);
    await runner.query(`CREATE TABLE ${suppressions} (
      id bigserial PRIMARY KEY,
      customer_id text NOT NULL,
      touchpoint_id text NOT NULL,
      touchpoint_type text NOT NULL,
      outcome text NOT NULL,
      reason text NOT NULL,
      detail text NOT NULL,
      deferred_until timestamptz,
      survey_request_id uuid,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE INDEX suppressions_customer ON ${suppressions} (customer_id, recorded_at)`);
    await runner.query(`CREATE INDEX suppressions_touchpoint ON ${suppressions} (touchpoint_type, touchpoint_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'suppressions')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'survey_requests')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'customers')}`);
  }
}
