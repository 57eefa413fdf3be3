import type { EntityManager } from 'typeorm';
import type { WrappedKey } from '../encryption/master-key.provider';

/** A row of the key store: a customer's data key, still wrapped. */
export interface StoredDataKey {
  customerId: string;
  keyId: string;
  wrapped: WrappedKey;
}

/** The SQL of the key store table, in the schema it is given (docs/adr/0037). */
export class DataKeyRepository {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `"${schema}"."privacy_data_keys"`;
  }

  async find(manager: EntityManager, customerId: string): Promise<StoredDataKey | undefined> {
    const rows = await manager.query(`SELECT * FROM ${this.table} WHERE customer_id = $1`, [customerId]);
    return rows.length > 0 ? toStored(rows[0]) : undefined;
  }

  async findMany(manager: EntityManager, customerIds: string[]): Promise<StoredDataKey[]> {
    const rows = await manager.query(`SELECT * FROM ${this.table} WHERE customer_id = ANY($1)`, [customerIds]);
    return rows.map(toStored);
  }

  /** The customer a data key belonged to, if the key still exists. */
  async ownerOf(manager: EntityManager, keyId: string): Promise<string | undefined> {
    const rows = await manager.query(`SELECT customer_id FROM ${this.table} WHERE key_id = $1`, [keyId]);
    return rows[0]?.customer_id;
  }

  /**
   * Inserts the keys of customers that have none, in one statement: the first of concurrent writers wins. The
   * customers whose key this one inserted.
   */
  async insertManyIfAbsent(manager: EntityManager, keys: StoredDataKey[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { customer_id: string }[] = await manager.query(
      `INSERT INTO ${this.table} (customer_id, key_id, master_key_id, wrapped_key)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::bytea[])
       ON CONFLICT (customer_id) DO NOTHING RETURNING customer_id`,
      [
        keys.map((key) => key.customerId),
        keys.map((key) => key.keyId),
        keys.map((key) => key.wrapped.masterKeyId),
        keys.map((key) => key.wrapped.ciphertext),
      ],
    );
    return new Set(rows.map((row) => row.customer_id));
  }

  /** Deletes the customer's key; whether there was one. */
  async delete(manager: EntityManager, customerId: string): Promise<boolean> {
    // Through a CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count], a SELECT with its rows.
    const [{ deleted }] = await manager.query(
      `WITH gone AS (DELETE FROM ${this.table} WHERE customer_id = $1 RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
      [customerId],
    );
    return deleted > 0;
  }

  /** Locks up to `limit` keys not wrapped by `masterKeyId`, skipping those another rewrap holds. */
  async lockWrappedByOthers(manager: EntityManager, masterKeyId: string, limit: number): Promise<StoredDataKey[]> {
    const rows = await manager.query(
      `SELECT * FROM ${this.table} WHERE master_key_id <> $1 ORDER BY customer_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [masterKeyId, limit],
    );
    return rows.map(toStored);
  }

  async replaceWrapping(manager: EntityManager, customerId: string, wrapped: WrappedKey): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET master_key_id = $2, wrapped_key = $3, rewrapped_at = now() WHERE customer_id = $1`,
      [customerId, wrapped.masterKeyId, wrapped.ciphertext],
    );
  }
}

function toStored(row: Record<string, unknown>): StoredDataKey {
  return {
    customerId: row.customer_id as string,
    keyId: row.key_id as string,
    wrapped: { masterKeyId: row.master_key_id as string, ciphertext: row.wrapped_key as Buffer },
  };
}
