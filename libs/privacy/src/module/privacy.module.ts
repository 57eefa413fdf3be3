import { type DynamicModule, Module } from '@nestjs/common';
import { BaseEnv } from '@nps/config';
import { databaseOptionsFrom } from '@nps/persistence';
import { DataSource } from 'typeorm';
import { EnvMasterKeyProvider } from '../encryption/env-master-key.provider';
import { CustomerKeys } from '../key-store/customer-keys';
import { migrateKeyStore } from '../key-store/key-store.migrator';
import { PersonalFields } from '../personal-fields';
import { hasPrivacySettings } from '../privacy.env';

/**
 * Gives a service `PersonalFields` and `CustomerKeys` (docs/adr/0037), from its env (which must
 * extend WithPrivacySettings) and its TypeORM connection. Creates the shared key store schema at
 * start-up unless DB_MIGRATIONS_RUN is false (then `cli.js migrate` does). Global, like the database.
 */
@Module({})
export class PrivacyModule {
  static forRoot(): DynamicModule {
    return {
      module: PrivacyModule,
      global: true,
      providers: [
        {
          provide: CustomerKeys,
          inject: [BaseEnv, DataSource],
          useFactory: async (env: BaseEnv, dataSource: DataSource) => {
            if (!hasPrivacySettings(env)) {
              throw new Error('PrivacyModule needs the env class to extend WithPrivacySettings(…)');
            }
            if (env.DB_MIGRATIONS_RUN) {
              await migrateKeyStore(
                databaseOptionsFrom(env, { schema: '', entities: [], migrations: [] }),
                env.PRIVACY_SCHEMA,
              );
            }
            return new CustomerKeys(dataSource, EnvMasterKeyProvider.fromSettings(env), {
              schema: env.PRIVACY_SCHEMA,
              cacheSize: env.PRIVACY_KEY_CACHE_SIZE,
              cacheTtlMs: env.PRIVACY_KEY_CACHE_TTL_MS,
            });
          },
        },
        {
          provide: PersonalFields,
          inject: [CustomerKeys],
          useFactory: (keys: CustomerKeys) => new PersonalFields(keys),
        },
      ],
      exports: [CustomerKeys, PersonalFields],
    };
  }
}
