import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The customer organisation of a B2B customer, imported with the contact and published on CustomerUpserted. */
export class CustomerAccountId1765300000001 implements MigrationInterface {
  name = 'CustomerAccountId1765300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ${qualifiedTable(runner, 'customers')} ADD COLUMN account_id text NOT NULL DEFAULT ''`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'customers')} DROP COLUMN account_id`);
  }
}
