import type { EntityManager } from 'typeorm';

/**
 * Keeps a read for the rest of one transaction: settings a consumer reads for every record of a
 * batch (routing rules, a policy) are then read once per batch. Only for reads the transaction does
 * not change itself. Outside a transaction nothing is kept; neither is a failed read, so a record
 * rolled back to its savepoint does not hand its error to the next one.
 */
export class TransactionCache<K, V> {
  private readonly byTransaction = new WeakMap<EntityManager, Map<K, Promise<V>>>();

  get(manager: EntityManager, key: K, load: () => Promise<V>): Promise<V> {
    if (!manager.queryRunner?.isTransactionActive) return load();
    const kept = this.byTransaction.get(manager) ?? new Map<K, Promise<V>>();
    this.byTransaction.set(manager, kept);
    const found = kept.get(key);
    if (found) return found;
    const loaded = load();
    kept.set(key, loaded);
    loaded.catch(() => kept.delete(key));
    return loaded;
  }
}
