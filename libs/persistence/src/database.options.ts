import type { ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { MixedList, EntitySchema } from 'typeorm';
import type { DatabaseSsl } from './database-ssl';

export interface DatabaseOptions {
  url: string;
  /** The service's own Postgres schema: no service reads another's tables. */
  schema: string;
  entities: MixedList<string | (new (...args: never[]) => unknown) | EntitySchema>;
  migrations: MixedList<string | (new (...args: never[]) => unknown)>;
  /** TLS to Postgres (DATABASE_SSL_MODE); none when absent. */
  ssl?: DatabaseSsl;
  /** Connections in the pool (DATABASE_POOL_SIZE); 10 when absent. */
  poolSize?: number;
  /** `statement_timeout` of every connection, in ms (DATABASE_STATEMENT_TIMEOUT_MS); 0 or absent: none. */
  statementTimeoutMs?: number;
}

/** TypeORM options for one service schema. Never `synchronize`: the schema comes from migrations. */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities as DataSourceOptions['entities'],
    migrations: options.migrations as DataSourceOptions['migrations'],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn'],
    ssl: options.ssl ?? false,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      application_name: options.schema,
      ...statementTimeout(options),
    },
  };
}

/** node-postgres settings for a single connection of the service outside its pool (schema creation, locks). */
export function pgClientConfig(options: Pick<DatabaseOptions, 'url' | 'ssl'>): ClientConfig {
  return { connectionString: options.url, ssl: options.ssl ?? false, connectionTimeoutMillis: 5000 };
}

// A startup parameter of each connection: set before any query, kept across pool checkouts.
function statementTimeout(options: DatabaseOptions): { statement_timeout?: number } {
  return options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {};
}
