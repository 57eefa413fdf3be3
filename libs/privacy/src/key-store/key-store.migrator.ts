import { type DatabaseOptions, runMigrations } from '@nps/persistence';
import { PrivacyDataKeys1765640000000 } from '../migrations/1765640000000-privacy-data-keys';

/** The migrations of the key store, applied in its own schema with its own migrations table. */
export const PRIVACY_MIGRATIONS = [PrivacyDataKeys1765640000000];

/**
 * Creates (or brings up to date) the key store in `schema`: the schema, its own `migrations` table and
 * `privacy_data_keys`, under the migration lock of that schema. Every service that encrypts or decrypts
 * runs it at start-up and in `cli.js migrate`, so whichever starts first creates it and the others find it.
 */
export function migrateKeyStore(database: Omit<DatabaseOptions, 'entities' | 'migrations'>, schema: string) {
  return runMigrations({ ...database, schema, entities: [], migrations: PRIVACY_MIGRATIONS });
}
