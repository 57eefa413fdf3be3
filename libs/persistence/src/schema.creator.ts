import { Client } from 'pg';
import type { DatabaseSsl } from './database-ssl';
import { pgClientConfig } from './database.options';

/**
 * Creates the platform database and the service schema when missing. TypeORM keeps its
 * migrations table inside the schema, so the schema has to exist before migrations run.
 */
export async function ensureSchema(url: string, schema: string, ssl: DatabaseSsl = false): Promise<void> {
  await ensureDatabase(url, ssl);
  const client = new Client(pgClientConfig({ url, ssl }));
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch(unlessCreatedMeanwhile);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when it does not exist (connecting to `postgres` to do so). */
export async function ensureDatabase(url: string, ssl: DatabaseSsl = false): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  if (!database || database === 'postgres') return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client(pgClientConfig({ url: admin.toString(), ssl }));
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).catch(unlessCreatedMeanwhile);
    }
  } finally {
    await client.end();
  }
}

/**
 * Another service created it between our check and our statement. Postgres says so with 42P04 (duplicate database)
 * or 42P06 (duplicate schema), or, when both statements ran at the same moment, with a unique violation (23505) on its
 * own catalog: `npm start` on a fresh machine starts every service at once.
 */
function unlessCreatedMeanwhile(error: { code?: string }): void {
  if (!['42P04', '42P06', '23505'].includes(error.code ?? '')) throw error;
}
