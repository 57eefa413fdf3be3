import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Promoter follow-ups are delivered by a poller, not by the consumer (ADR 0032): a row waits as 'pending' with its
 * attempts and next attempt time until the provider takes it.
 */
export class PromoterFollowUpDelivery1765500000000 implements MigrationInterface {
  name = 'PromoterFollowUpDelivery1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner, 'promoter_follow_ups');
    await runner.query(`ALTER TABLE ${table}
      ADD COLUMN answered_at timestamptz,
      ADD COLUMN attempts integer NOT NULL DEFAULT 0,
      ADD COLUMN next_attempt_at timestamptz,
      ADD COLUMN last_error text,
      ADD COLUMN followed_up_at timestamptz`);
    await runner.query(`CREATE INDEX promoter_follow_ups_due ON ${table} (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner, 'promoter_follow_ups');
    // Rows still waiting go back to the only states the old code knew: never delivered, so failed.
    await runner.query(
      `UPDATE ${table} SET status = 'failed', reason = 'DELIVERY_PENDING', detail = coalesce(last_error, '')
       WHERE status = 'pending'`,
    );
    await runner.query(`DROP INDEX ${qualifiedTable(runner, 'promoter_follow_ups_due')}`);
    await runner.query(`ALTER TABLE ${table}
      DROP COLUMN answered_at, DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN last_error,
      DROP COLUMN followed_up_at`);
  }
}
