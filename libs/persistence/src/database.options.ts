import type { DataSourceOptions } from 'typeorm';
import type { MixedList, EntitySchema } from 'typeorm';

export interface DatabaseOptions {
  url: string;
  /** The service's own Postgres schema: no service reads another's tables. */
  schema: string;
  entities: MixedList<string | (new (...args: never[]) => unknown) | EntitySchema>;
  migrations: MixedList<string | (new (...args: never[]) => unknown)>;
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
    extra: { max: 10, connectionTimeoutMillis: 5000, application_name: options.schema },
  };
}
