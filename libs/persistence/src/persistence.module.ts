import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BaseEnv } from '@nps/config';
import { assertOneSslSource, databaseSslFrom } from './database-ssl';
import { dataSourceOptions, type DatabaseOptions } from './database.options';
import { runMigrations } from './migration.runner';
import { SchemaTables } from './schema.tables';

export type SchemaDefinition = Omit<DatabaseOptions, 'url'>;

/**
 * Connects a service to its own schema (DB_SCHEMA overrides the name) and, unless DB_MIGRATIONS_RUN
 * is false, runs its pending migrations at start-up, as `cli.js migrate` does: both under the
 * schema's advisory lock (docs/adr/0026). Global: every
 * repository (and the outbox) gets the schema from here, as SchemaTables (docs/adr/0013).
 */
@Module({})
export class PersistenceModule {
  static forRoot(definition: SchemaDefinition): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [BaseEnv],
          useFactory: async (env: BaseEnv) => {
            const options = databaseOptionsFrom(env, definition);
            if (env.DB_MIGRATIONS_RUN) await runMigrations(options);
            return { ...dataSourceOptions(options), migrationsRun: false, retryAttempts: 3, retryDelay: 1000 };
          },
        }),
      ],
      providers: [
        {
          provide: SchemaTables,
          inject: [BaseEnv],
          useFactory: (env: BaseEnv) => new SchemaTables(databaseOptionsFrom(env, definition).schema),
        },
      ],
      exports: [TypeOrmModule, SchemaTables],
    };
  }
}

/** The database options of a service under the given environment. */
export function databaseOptionsFrom(env: BaseEnv, definition: SchemaDefinition): DatabaseOptions {
  assertOneSslSource(env.DATABASE_URL, env.DATABASE_SSL_MODE);
  return {
    ...definition,
    url: env.DATABASE_URL,
    schema: env.DB_SCHEMA ?? definition.schema,
    ssl: databaseSslFrom(env.DATABASE_SSL_MODE, env.DATABASE_SSL_CA_FILE),
    poolSize: env.DATABASE_POOL_SIZE,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
  };
}
