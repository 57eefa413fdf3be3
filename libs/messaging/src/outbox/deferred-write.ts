import type { EntityManager } from 'typeorm';

/**
 * A write that several units of work of one transaction add parts to, run once per transaction
 * just before its outbox write: counters such as rollups, whose parts add up, so a batch of
 * records (docs/adr/0039-batch-consumer.md) writes each row it touches once instead of once per
 * record. Nothing in the transaction may read what it writes before the commit.
 */
export interface DeferredWrite<T> {
  /** Writes the parts queued in one transaction, in the order they were queued. */
  write(manager: EntityManager, parts: T[]): Promise<void>;
}

/** The parts one unit of work queued, per write, in the order they were first deferred. */
export type DeferredParts = Map<DeferredWrite<unknown>, unknown[]>;

/**
 * Runs the deferred writes of several units of work (all in one transaction), each write once with
 * the parts of every unit in their order, the writes in the order they were first deferred.
 */
export async function runDeferredWrites(manager: EntityManager, units: readonly DeferredParts[]): Promise<void> {
  const parts: DeferredParts = new Map();
  for (const unit of units)
    for (const [write, queued] of unit) {
      const all = parts.get(write) ?? [];
      for (const part of queued) all.push(part);
      parts.set(write, all);
    }
  for (const [write, queued] of parts) await write.write(manager, queued);
}
