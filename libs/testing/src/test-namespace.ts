import { randomBytes } from 'node:crypto';
import { type DatabaseOptions, dataSourceOptions, ensureSchema } from '@nps/persistence';
import { DataSource } from 'typeorm';

function runId(): string {
  return process.env.NPS_TEST_RUN_ID ?? 'local';
}

/** A name no earlier run used: `<base>_<run>_<random>`, safe as SQL identifier and topic part. */
export function freshName(base: string): string {
  return `${base}_${runId()}_${randomBytes(3).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

/** A topic prefix for KAFKA_TOPIC_PREFIX, so a test sees only the messages it produced. */
export function freshTopicPrefix(base = 't'): string {
  return `${freshName(base)}.`;
}

/** A new, empty Postgres schema in the test database. */
export async function freshSchema(base: string, databaseUrl = testDatabaseUrl()): Promise<string> {
  const schema = freshName(base);
  await ensureSchema(databaseUrl, schema);
  return schema;
}

/** A DataSource on `schema` of the test database with `migrations` run; the caller destroys it. */
export async function migratedDataSource(
  schema: string,
  migrations: DatabaseOptions['migrations'],
  poolSize?: number,
): Promise<DataSource> {
  const dataSource = new DataSource(
    dataSourceOptions({ url: testDatabaseUrl(), schema, entities: [], migrations, poolSize }),
  );
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run integration tests through jest (its global setup sets it)');
  return url;
}

export function testKafkaBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error('KAFKA_BROKERS is not set: run integration tests through jest (its global setup sets it)');
  return brokers;
}
