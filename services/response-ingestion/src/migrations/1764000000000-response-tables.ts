import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * responses: the latest revision of every accepted answer. survey_requests: the state of each
 * survey link that a token cannot carry (answered by which response, revoked, expired).
 * idempotency_keys: what an `Idempotency-Key` of the JSON API already produced.
 */
export class ResponseTables1764000000000 implements MigrationInterface {
  name = 'ResponseTables1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner, 'responses')} (
        response_id uuid PRIMARY KEY,
        customer_id text NOT NULL,
        survey_request_id text,
        touchpoint_id text NOT NULL DEFAULT '',
        touchpoint_type text NOT NULL DEFAULT '',
        channel integer NOT NULL,
        language text NOT NULL,
        source integer NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
        comment text NOT NULL DEFAULT '',
        revision integer NOT NULL DEFAULT 0,
        answered_at timestamptz NOT NULL,
        revised_at timestamptz,
        import_id text,
        import_line integer,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX responses_import ON ${qualifiedTable(runner, 'responses')} (import_id) WHERE import_id IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner, 'survey_requests')} (
        survey_request_id text PRIMARY KEY,
        customer_id text NOT NULL,
        response_id uuid REFERENCES ${qualifiedTable(runner, 'responses')} (response_id),
        answered_at timestamptz,
        revoked_at timestamptz,
        revoke_reason text,
        expired_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner, 'idempotency_keys')} (
        idempotency_key text PRIMARY KEY,
        request_hash text NOT NULL,
        response_id uuid NOT NULL,
        outcome text NOT NULL,
        revision integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'idempotency_keys')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'survey_requests')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'responses')}`);
  }
}
