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
  return underMigrationLock(options, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/**
 * Undoes the last `count` applied migrations, newest first, each `down` in its own transaction, under
 * the same lock as runMigrations; returns the names undone (fewer when fewer were applied). For
 * undoing a release's schema after a rollback, with the service scaled to 0 (docs/deploy.md).
 */
export async function revertMigrations(options: DatabaseOptions, count: number): Promise<string[]> {
  return underMigrationLock(options, async (dataSource) => {
    const reverted = await appliedNewestFirst(dataSource, options.schema, count);
    // TypeORM undoes the newest applied one each time, so these go in the order read.
    for (let i = 0; i < reverted.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    return reverted;
  });
}

async function appliedNewestFirst(dataSource: DataSource, schema: string, count: number): Promise<string[]> {
  const table = `"${schema}".migrations`;
  const [{ exists }] = await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
  if (!exists) return [];
  const rows = await dataSource.query(`SELECT name FROM ${table} ORDER BY timestamp DESC, id DESC LIMIT $1`, [count]);
  return rows.map((row: { name: string }) => row.name);
}

/** Scope of the migration lock, apart from the per-transaction locks of lockForTransaction. */
export const MIGRATION_LOCK_SCOPE = 'nps:migrations';

async function underMigrationLock<T>(
  options: DatabaseOptions,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  // No statement_timeout here: waiting for the lock and building an index may both take long.
  const lock = new Client(pgClientConfig(options));
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [MIGRATION_LOCK_SCOPE, options.schema]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const dataSource = new DataSource(dataSourceOptions({ ...options, statementTimeoutMs: 0 }));
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end(); // ends the session, releasing the lock
  }
}
