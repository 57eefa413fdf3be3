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
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
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
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by another service
      });
    }
  } finally {
    await client.end();
  }
}
