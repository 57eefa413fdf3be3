import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A promoter follow-up of a customer nobody imported yet waits for a CRM import until `held_until`, as touchpoints
 * do (docs/adr/0070-promoter-follow-ups-held-for-an-import.md). Set only on rows that were held.
 */
export class PromoterFollowUpsHeld1765900000000 implements MigrationInterface {
  name = 'PromoterFollowUpsHeld1765900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ${qualifiedTable(runner, 'promoter_follow_ups')} ADD COLUMN held_until timestamptz`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner, 'promoter_follow_ups');
    // The old code skipped them at once: a row still held is skipped now, as it would have been.
    await runner.query(
      `UPDATE ${table} SET status = 'skipped', reason = 'UNKNOWN_CUSTOMER', next_attempt_at = NULL
       WHERE status = 'pending' AND held_until > now()`,
    );
    await runner.query(`ALTER TABLE ${table} DROP COLUMN held_until`);
  }
}
