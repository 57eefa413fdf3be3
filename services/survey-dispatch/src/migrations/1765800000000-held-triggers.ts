import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Touchpoints of customers not imported yet, held for an import that may still bring them
 * (docs/adr/0066-touchpoints-held-for-an-import.md): one row per touchpoint until the customer is
 * known or the hold ends. `ready_at` is the end of the hold, or the import that brought the customer.
 */
export class HeldTriggers1765800000000 implements MigrationInterface {
  name = 'HeldTriggers1765800000000';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner, 'held_triggers');
    await runner.query(`CREATE TABLE ${table} (
      touchpoint_type text NOT NULL,
      touchpoint_id text NOT NULL,
      customer_id text NOT NULL,
      attributes jsonb NOT NULL,
      held_at timestamptz NOT NULL,
      held_until timestamptz NOT NULL,
      ready_at timestamptz NOT NULL,
      PRIMARY KEY (touchpoint_type, touchpoint_id))`);
    await runner.query(`CREATE INDEX held_triggers_customer ON ${table} (customer_id)`);
    await runner.query(`CREATE INDEX held_triggers_ready ON ${table} (ready_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'held_triggers')}`);
  }
}
