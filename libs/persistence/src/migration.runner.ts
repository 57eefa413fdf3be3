import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, pgClientConfig, type DatabaseOptions } from './database.options';
import { ensureDatabase } from './schema.creator';

/**
 * Creates the schema if needed and applies pending migrations; returns the names applied. Runners
 * of one schema (a migration Job, instances starting at once) take turns under a session advisory
 * lock keyed by the schema, so each migration is applied once (docs/adr/0026). The lock goes with
 * the connection if the process dies.
 */
export async function runMigrations(options: DatabaseOptions): Promise<string[]> {
  await ensureDatabase(options.url, options.ssl);
  // No statement_timeout here: waiting for the lock and building an index may both take long.
  const lock = new Client(pgClientConfig(options));
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [MIGRATION_LOCK_SCOPE, options.schema]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    return await applyPending(options);
  } finally {
    await lock.end(); // ends the session, releasing the lock
  }
}

/** Scope of the migration lock, apart from the per-transaction locks of lockForTransaction. */
export const MIGRATION_LOCK_SCOPE = 'nps:migrations';

async function applyPending(options: DatabaseOptions): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ ...options, statementTimeoutMs: 0 }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
