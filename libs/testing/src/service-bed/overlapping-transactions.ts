import { CloudEventHeader } from '@nps/contracts';
import { Client } from 'pg';
import { expectEventually } from '../expect-eventually';
import type { EventRecord } from '../kafka/record.producer';
import type { ServiceBed } from './service.bed';

const WAIT_MS = 30000;

/**
 * Makes the transactions of two events overlap on purpose, each record on a partition of its own
 * (of two instances, see partitionsOfInstances): with `table` held against writes (reads pass),
 * `first` is published and its transaction waits at its first write there; then `second`, until it
 * was applied (committed while the first still waits) or waits for a lock too. Then the table is let
 * go. Returns which of the two `second` did.
 */
export async function applyOverlapping(
  bed: ServiceBed,
  table: string,
  first: EventRecord,
  second: EventRecord,
): Promise<'applied' | 'waiting'> {
  const release = await holdAgainstWrites(bed, table);
  try {
    await bed.publishRecords([first]);
    await expectEventually(async () => expect(await connectionsWaitingForLocks(bed)).toBe(1), { timeoutMs: WAIT_MS });
    await bed.publishRecords([second]);
    const eventId = second.message.headers[CloudEventHeader.id];
    const applied = async () =>
      (await bed.rows('SELECT 1 FROM $schema.inbox WHERE event_id = $1', [eventId])).length === 1;
    return await expectEventually(
      async () => {
        if (await applied()) return 'applied';
        expect(await connectionsWaitingForLocks(bed)).toBe(2);
        return 'waiting';
      },
      { timeoutMs: WAIT_MS },
    );
  } finally {
    await release();
  }
}

/** How many of the service's connections (its application_name is its schema) wait for a lock. */
async function connectionsWaitingForLocks(bed: ServiceBed): Promise<number> {
  const [{ n }] = await bed.rows<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE NOT l.granted AND a.application_name = $1`,
    [bed.schema],
  );
  return n;
}

/** Holds `table` of the bed's schema against writes in a transaction of its own, until the returned function commits it. */
async function holdAgainstWrites(bed: ServiceBed, table: string): Promise<() => Promise<void>> {
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
