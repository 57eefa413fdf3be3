import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets an outbox row carry no payload: a tombstone on a compacted topic (UnitOfWork.tombstone).
 * Only a service that publishes tombstones needs it (survey-dispatch, for erased customers).
 */
export class OutboxTombstones1765710000000 implements MigrationInterface {
  name = 'OutboxTombstones1765710000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'outbox')} ALTER COLUMN payload DROP NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM ${qualifiedTable(runner, 'outbox')} WHERE payload IS NULL`);
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'outbox')} ALTER COLUMN payload SET NOT NULL`);
  }
}
