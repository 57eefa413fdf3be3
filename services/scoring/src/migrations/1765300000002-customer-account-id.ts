import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer organisation (CustomerUpserted.account_id): copied into DetractorIdentified and the key of account NPS,
 * which is a query over scored responses joined to this table, not a rollup dimension (docs/adr/0032).
 */
export class CustomerAccountId1765300000002 implements MigrationInterface {
  name = 'CustomerAccountId1765300000002';

  async up(runner: QueryRunner): Promise<void> {
    const customers = qualifiedTable(runner, 'customers');
    await runner.query(`ALTER TABLE ${customers} ADD COLUMN account_id text NOT NULL DEFAULT ''`);
    await runner.query(`CREATE INDEX customers_account_idx ON ${customers} (account_id) WHERE account_id <> ''`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ${qualifiedTable(runner, 'customers_account_idx')}`);
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'customers')} DROP COLUMN account_id`);
  }
}
