import { randomBytes, randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import type { DataKey } from '../encryption/field.cipher';
import type { MasterKeyProvider } from '../encryption/master-key.provider';
import { type StoredDataKey, DataKeyRepository } from './data-key.repository';
import { KeyCache } from './key.cache';

export interface CustomerKeysOptions {
  /** Postgres schema of the key store table (docs/adr/0037). */
  schema: string;
  /** Unwrapped keys kept in memory; 0 disables the cache. */
  cacheSize?: number;
  /** How long a cached key is trusted: an erasure reaches every instance within it. */
  cacheTtlMs?: number;
  now?: () => number;
}

/** Default PRIVACY_KEY_CACHE_TTL_MS: an erased customer's text stays readable on other instances at most this long. */
export const DEFAULT_KEY_CACHE_TTL_MS = 60_000;
export const DEFAULT_KEY_CACHE_SIZE = 10_000;

/** The key store: one data key per customer, wrapped by a master key, cached unwrapped for a short while. */
export class CustomerKeys {
  private readonly keys: DataKeyRepository;
  private readonly cache: KeyCache<DataKey>;
  /**
   * Lookups of keys not cached: the customers asked for in one turn of the event loop go in one findOrCreateMany,
   * and a customer's lookup in flight is shared by every caller of this instance until it settles (the loader's
   * cache, cleared then: from there on the key cache answers).
   */
  private readonly lookups: DataLoader<string, DataKey> = new DataLoader(async (customerIds) => {
    try {
      const found = await this.findOrCreateMany(customerIds);
      return customerIds.map((customerId) => found.get(customerId) ?? erasedWhileCreated(customerId));
    } finally {
      for (const customerId of customerIds) this.lookups.clear(customerId);
    }
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly masterKeys: MasterKeyProvider,
    options: CustomerKeysOptions,
  ) {
    this.keys = new DataKeyRepository(options.schema);
    this.cache = new KeyCache(
      options.cacheSize ?? DEFAULT_KEY_CACHE_SIZE,
      options.cacheTtlMs ?? DEFAULT_KEY_CACHE_TTL_MS,
      options.now,
    );
  }

  /**
   * The customer's data key, created on first use; concurrent callers (any instance) all get the same one.
   * Those of one instance share one lookup, so a new customer's comment and its masked copy cost one
   * key, not two wrapped and one thrown away (a KMS call each behind a KMS provider). The customers of
   * the lookups started in one turn of the event loop (the answers of a `POST /responses/batch`) are
   * looked up together, as getOrCreateMany does.
   */
  async getOrCreate(customerId: string): Promise<DataKey> {
    return this.cache.get(customerId) ?? this.lookups.load(customerId);
  }

  /**
   * getOrCreate for many customers in at most three statements (a bulk import's batch): customer id → key.
   */
  async getOrCreateMany(customerIds: Iterable<string>): Promise<Map<string, DataKey>> {
    const wanted = new Set(customerIds);
    const found = await this.findOrCreateMany(wanted);
    const erased = [...wanted].filter((customerId) => !found.has(customerId));
    if (erased.length > 0) throw new Error(`data keys of ${erased.length} customers were erased while being created`);
    return found;
  }

  /**
   * The keys of the customers (each named once: a Set, or the loader's keys), created where missing; one erased while
   * it was being created is left out.
   */
  private async findOrCreateMany(customerIds: Iterable<string>): Promise<Map<string, DataKey>> {
    const found = new Map<string, DataKey>();
    const missing = new Set<string>();
    for (const customerId of customerIds) {
      const cached = this.cache.get(customerId);
      if (cached) found.set(customerId, cached);
      else missing.add(customerId);
    }
    if (missing.size === 0) return found;
    const manager = this.dataSource.manager;
    for (const stored of await this.keys.findMany(manager, [...missing])) {
      found.set(stored.customerId, this.remember(await this.unwrap(stored)));
      missing.delete(stored.customerId);
    }
    if (missing.size === 0) return found;
    const fresh = new Map<string, DataKey>();
    const rows: StoredDataKey[] = [];
    for (const customerId of missing) {
      const key = { id: randomUUID(), customerId, key: randomBytes(32) };
      fresh.set(customerId, key);
      rows.push({
        customerId,
        keyId: key.id,
        wrapped: await this.masterKeys.wrap(key.key, wrapContext(customerId, key.id)),
      });
    }
    for (const customerId of await this.keys.insertManyIfAbsent(manager, rows)) {
      found.set(customerId, this.remember(fresh.get(customerId) as DataKey));
      missing.delete(customerId);
    }
    if (missing.size === 0) return found;
    // Another caller won these inserts: its rows hold the one key every caller uses.
    for (const stored of await this.keys.findMany(manager, [...missing]))
      found.set(stored.customerId, this.remember(await this.unwrap(stored)));
    return found;
  }

  /** The customer's data key, or undefined when there is none (never created, or erased). */
  async find(customerId: string, options: { bypassCache?: boolean } = {}): Promise<DataKey | undefined> {
    const cached = options.bypassCache ? undefined : this.cache.get(customerId);
    if (cached) return cached;
    const stored = await this.keys.find(this.dataSource.manager, customerId);
    if (stored) return this.remember(await this.unwrap(stored));
    this.cache.delete(customerId);
    return undefined;
  }

  /**
   * Reads the keys of those customers that are not cached in one query, so that find() answers each of them
   * from the cache (a batch's decryptions, PersonalFields.decryptMany).
   */
  async prefetch(customerIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(customerIds)].filter((customerId) => !this.cache.get(customerId));
    if (missing.length === 0) return;
    for (const stored of await this.keys.findMany(this.dataSource.manager, missing))
      this.remember(await this.unwrap(stored));
  }

  /** The customer a data key id belongs to while the key exists; undefined once erased. */
  async ownerOf(keyId: string): Promise<string | undefined> {
    return this.keys.ownerOf(this.dataSource.manager, keyId);
  }

  /**
   * Crypto-shredding: deletes the customer's key, so every ciphertext made with it (on every topic,
   * dead-letter topic and replay) becomes unreadable. Pass the caller's transaction to erase together
   * with its own rows. Other instances stop using a cached copy within the cache TTL. Whether a key existed.
   */
  async erase(customerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    this.cache.delete(customerId);
    const existed = await this.keys.delete(manager, customerId);
    // Again: a read on this instance during the DELETE may have cached the key a moment ago.
    this.cache.delete(customerId);
    return existed;
  }

  /**
   * Re-wraps up to `batchSize` data keys still wrapped by another master key with the current one; the
   * data keys (and so every ciphertext) stay the same. Returns how many it rewrapped: call until 0,
   * then the old master key can be removed from configuration.
   */
  async rewrap(batchSize = 500): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const current = this.masterKeys.currentKeyId;
      const stale = await this.keys.lockWrappedByOthers(manager, current, batchSize);
      for (const stored of stale) {
        const context = wrapContext(stored.customerId, stored.keyId);
        const key = await this.masterKeys.unwrap(stored.wrapped, context);
        await this.keys.replaceWrapping(manager, stored.customerId, await this.masterKeys.wrap(key, context));
      }
      return stale.length;
    });
  }

  private async unwrap(stored: StoredDataKey): Promise<DataKey> {
    const key = await this.masterKeys.unwrap(stored.wrapped, wrapContext(stored.customerId, stored.keyId));
    return { id: stored.keyId, customerId: stored.customerId, key: ownMemory(key) };
  }

  private remember(key: DataKey): DataKey {
    this.cache.set(key.customerId, key);
    return key;
  }
}

/**
 * The bytes copied into memory of their own. An unwrapped key is a 32-byte slice of Node's shared 64 KiB
 * allocation pool; cached, it would keep the whole chunk alive (10,000 cached keys: 640 MB).
 */
function ownMemory(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

// A wrapped key is bound to its customer and key id: a row copied onto another customer does not unwrap.
function wrapContext(customerId: string, keyId: string): string {
  return `${keyId}:${customerId}`;
}

function erasedWhileCreated(customerId: string): Error {
  return new Error(`the data key of customer ${customerId} was erased while it was being created`);
}
