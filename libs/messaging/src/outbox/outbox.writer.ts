import type { EntityManager } from 'typeorm';

export interface OutboxMessage {
  topic: string;
  key: string;
  /** null: a tombstone, which makes compaction drop the key's earlier records. */
  value: Buffer | null;
  headers: Record<string, string>;
}

/** The channel a committed outbox insert notifies, waking the relay at once (outbox.relay.ts). */
export function outboxChannel(schema: string): string {
  return `${schema}.outbox`;
}

/**
 * Appends messages to the outbox inside the caller's transaction.
 *
 * Ids come from a sequence, so id order is not commit order: a transaction can take id 10 and
 * commit after another took id 11. The relay publishes in id order, so for each key we take a
 * transaction-scoped advisory lock before inserting: a second writer of the same key waits
 * until the first commits and only then draws its (higher) id. Per key, id order is then
 * commit order; keys are locked in sorted order so two writers cannot deadlock.
 *
 * The same statement NOTIFYs the schema's outbox channel. Postgres delivers it at commit (and not
 * on rollback), so the relay wakes for rows it can read, with no extra round trip.
 */
export async function appendToOutbox(manager: EntityManager, schema: string, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const keys = [...new Set(messages.map((m) => m.key))].sort();
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext(k)) FROM unnest($2::text[]) AS k`, [
    schema,
    keys,
  ]);
  await manager.query(
    `WITH appended AS (
       INSERT INTO "${schema}".outbox (topic, message_key, payload, headers)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::jsonb[])
       RETURNING id)
     SELECT pg_notify($5, '') FROM (SELECT count(*) FROM appended) AS appended_rows`,
    [
      messages.map((m) => m.topic),
      messages.map((m) => m.key),
      messages.map((m) => m.value),
      messages.map((m) => JSON.stringify(m.headers)),
      outboxChannel(schema),
    ],
  );
}
