import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opt-outs taken on the public endpoints (unsubscribe link, SMS STOP): one row per customer and channel
 * (0: every channel), so asking twice announces nothing new (ADR 0034).
 */
export class OptOuts1765610000001 implements MigrationInterface {
  name = 'OptOuts1765610000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'opt_outs')} (
      customer_id text NOT NULL,
      channel integer NOT NULL,
      source integer NOT NULL,
      survey_request_id text NOT NULL,
      event_id uuid NOT NULL,
      opted_out_at timestamptz NOT NULL,
      PRIMARY KEY (customer_id, channel))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'opt_outs')}`);
  }
}
