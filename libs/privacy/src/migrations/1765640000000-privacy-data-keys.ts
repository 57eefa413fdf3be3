import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key store of crypto-shredding (docs/adr/0037): one wrapped data key per customer. Deleting a
 * row erases every ciphertext made with its key. Created in the schema the migration runs in: the
 * key store's own schema, migrated by the service that owns it.
 */
export class PrivacyDataKeys1765640000000 implements MigrationInterface {
  name = 'PrivacyDataKeys1765640000000';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner, 'privacy_data_keys');
    await runner.query(`
      CREATE TABLE ${table} (
        customer_id text PRIMARY KEY,
        key_id uuid NOT NULL UNIQUE,
        master_key_id text NOT NULL,
        wrapped_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rewrapped_at timestamptz
      )`);
    // A rewrap looks for the keys still wrapped by a retired master key.
    await runner.query(`CREATE INDEX privacy_data_keys_master_key_id ON ${table} (master_key_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'privacy_data_keys')}`);
  }
}
