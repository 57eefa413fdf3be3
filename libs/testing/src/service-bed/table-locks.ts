import { Client } from 'pg';
import type { ServiceBed } from './service.bed';

// For tests that make two transactions of a service overlap on purpose: a table held against writes
// so a transaction waits after its reads, and how many of the service's connections wait for a lock.

/** How many of the service's connections (its application_name is its schema) wait for a lock. */
export async function connectionsWaitingForLocks(bed: ServiceBed): Promise<number> {
  const [{ n }] = await bed.rows<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE NOT l.granted AND a.application_name = $1`,
    [bed.schema],
  );
  return n;
}

/**
 * Holds `table` of the bed's schema against writes (reads pass) in a transaction of its own, until
 * the returned function commits it.
 */
export async function holdAgainstWrites(bed: ServiceBed, table: string): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: bed.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`LOCK TABLE "${bed.schema}"."${table}" IN SHARE ROW EXCLUSIVE MODE`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return async () => {
    try {
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  };
}
