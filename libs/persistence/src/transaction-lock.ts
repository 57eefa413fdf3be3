import type { EntityManager } from 'typeorm';

/**
 * Waits for, then holds until the transaction ends, the advisory lock on `key` within `scope`
 * (e.g. scope `<schema>:team-assignment`, key a team id): other transactions locking the same
 * pair, on any instance, queue behind this one.
 */
export async function lockForTransaction(manager: EntityManager, scope: string, key: string): Promise<void> {
  await lockAllForTransaction(manager, scope, [key]);
}

/**
 * lockForTransaction for several keys in one round trip. The keys are locked in sorted order, so
 * two transactions locking overlapping sets queue rather than deadlock.
 */
export async function lockAllForTransaction(manager: EntityManager, scope: string, keys: string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await manager.query(
    // unnest yields the keys in array order, and each row's lock is taken as the row is produced.
    `SELECT pg_advisory_xact_lock(hashtext($1), hashtext(k)) FROM unnest($2::text[]) AS k`,
    [scope, sorted],
  );
}
