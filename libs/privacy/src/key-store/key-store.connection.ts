import { dataSourceOptions } from '@nps/persistence';
import { DataSource } from 'typeorm';
import { textOrErased } from '../encryption/decrypted-field';
import { EnvMasterKeyProvider } from '../encryption/env-master-key.provider';
import { PersonalFields } from '../personal-fields';
import { DEVELOPMENT_PRIVACY_MASTER_KEYS } from '../privacy.env';
import { CustomerKeys } from './customer-keys';
import { migrateKeyStore } from './key-store.migrator';

export interface KeyStoreConnection {
  fields: PersonalFields;
  keys: CustomerKeys;
  /** The text of a field as a reader shows it: decrypted, `[erased]`, or as it was when plain. */
  text(customerId: string, value: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * PersonalFields on a connection of its own, outside a Nest service (tests, tools): creates the key
 * store in `schema` if needed. Development master key unless given; no key cache, so an erasure shows at once.
 */
export async function connectKeyStore(options: {
  url: string;
  schema: string;
  masterKeys?: string;
  masterKeyId?: string;
}): Promise<KeyStoreConnection> {
  await migrateKeyStore({ url: options.url, schema: options.schema }, options.schema);
  const dataSource = new DataSource(
    dataSourceOptions({ url: options.url, schema: options.schema, entities: [], migrations: [], poolSize: 4 }),
  );
  await dataSource.initialize();
  const masterKeys = EnvMasterKeyProvider.fromSettings({
    PRIVACY_MASTER_KEYS: options.masterKeys ?? DEVELOPMENT_PRIVACY_MASTER_KEYS,
    PRIVACY_MASTER_KEY_ID: options.masterKeyId ?? 'dev-1',
  });
  const keys = new CustomerKeys(dataSource, masterKeys, { schema: options.schema, cacheSize: 0 });
  const fields = new PersonalFields(keys);
  return {
    fields,
    keys,
    text: async (customerId, value) => textOrErased(await fields.decrypt(customerId, value)),
    close: () => dataSource.destroy(),
  };
}
