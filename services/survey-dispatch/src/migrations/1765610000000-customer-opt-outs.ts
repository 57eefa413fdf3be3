import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opt-outs customers made themselves (ContactOptedOut), apart from the CRM's opted_out columns so a
 * customer import never clears them (ADR 0034). One row per customer and channel (0: every channel).
 */
export class CustomerOptOuts1765610000000 implements MigrationInterface {
  name = 'CustomerOptOuts1765610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'customer_opt_outs')} (
      customer_id text NOT NULL,
      channel integer NOT NULL,
      source integer NOT NULL,
      survey_request_id text NOT NULL DEFAULT '',
      opted_out_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (customer_id, channel))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'customer_opt_outs')}`);
  }
}
