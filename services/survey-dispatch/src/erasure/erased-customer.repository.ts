import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

export interface ErasedCustomer {
  customerId: string;
  /** The first erasure; a repeated one only moves `lastErasedAt`. */
  erasedAt: Date;
  lastErasedAt: Date;
}

/** The `erased_customers` register (ADR 0038); every method runs in the caller's transaction. */
@Injectable()
export class ErasedCustomerRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('erased_customers');
  }

  /** Records an erasure; the first one's date and author stay. */
  async record(manager: EntityManager, customerId: string, erasedBy: string, now: Date): Promise<ErasedCustomer> {
    const [row] = (await manager.query(
      `INSERT INTO ${this.table} (customer_id, erased_at, erased_by, last_erased_at) VALUES ($1, $2, $3, $2)
       ON CONFLICT (customer_id) DO UPDATE SET last_erased_at = EXCLUDED.last_erased_at
       RETURNING erased_at, last_erased_at`,
      [customerId, now, erasedBy],
    )) as { erased_at: Date; last_erased_at: Date }[];
    return { customerId, erasedAt: row.erased_at, lastErasedAt: row.last_erased_at };
  }

  /** When `customerId` was first erased, or null. */
  async erasedAt(manager: EntityManager, customerId: string): Promise<Date | null> {
    const [row] = (await manager.query(`SELECT erased_at FROM ${this.table} WHERE customer_id = $1`, [customerId])) as {
      erased_at: Date;
    }[];
    return row?.erased_at ?? null;
  }

  /** Those of `customerIds` that were erased. */
  async erasedAmong(manager: EntityManager, customerIds: string[]): Promise<Set<string>> {
    if (customerIds.length === 0) return new Set();
    const rows = (await manager.query(`SELECT customer_id FROM ${this.table} WHERE customer_id = ANY($1::text[])`, [
      customerIds,
    ])) as { customer_id: string }[];
    return new Set(rows.map((row) => row.customer_id));
  }
}
