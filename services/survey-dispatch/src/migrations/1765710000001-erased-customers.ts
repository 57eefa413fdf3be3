import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of erased customers (ADR 0038): kept forever, so later touchpoints are suppressed,
 * a CRM import does not bring the contact back, and a restored backup can have its erasures re-applied.
 */
export class ErasedCustomers1765710000001 implements MigrationInterface {
  name = 'ErasedCustomers1765710000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'erased_customers')} (
      customer_id text PRIMARY KEY,
      erased_at timestamptz NOT NULL,
      erased_by text NOT NULL,
      last_erased_at timestamptz NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'erased_customers')}`);
  }
}
