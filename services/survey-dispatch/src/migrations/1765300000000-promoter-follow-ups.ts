import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per promoter answer that was looked at: the primary key makes the action happen at most once. */
export class PromoterFollowUps1765300000000 implements MigrationInterface {
  name = 'PromoterFollowUps1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'promoter_follow_ups')} (
      response_id text PRIMARY KEY,
      customer_id text NOT NULL,
      revision integer NOT NULL,
      score integer NOT NULL,
      status text NOT NULL,
      action integer NOT NULL DEFAULT 0,
      delivery integer NOT NULL DEFAULT 0,
      reason text,
      detail text NOT NULL DEFAULT '',
      target text NOT NULL DEFAULT '',
      decided_at timestamptz NOT NULL)`);
    await runner.query(
      `CREATE INDEX promoter_follow_ups_customer ON ${qualifiedTable(runner, 'promoter_follow_ups')} (customer_id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'promoter_follow_ups')}`);
  }
}
