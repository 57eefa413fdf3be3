import type { EntityManager } from 'typeorm';

/**
 * Waits for, then holds until the transaction ends, the advisory lock on `key` within `scope`
 * (e.g. scope `<schema>:team-assignment`, key a team id): other transactions locking the same
 * pair, on any instance, queue behind this one.
 */
export async function lockForTransaction(manager: EntityManager, scope: string, key: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [scope, key]);
}
