import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { CUSTOMER_COLUMNS as COLUMNS, type CustomerRecord } from './customer.record';
import type { CustomerContact } from './customer-row';

const UPDATED = COLUMNS.fields.filter((field) => field !== 'customerId').map((field) => COLUMNS.of(field));

/** Contacts in this service's schema; every method runs in the caller's transaction. */
@Injectable()
export class CustomerRepository {
  constructor(private readonly tables: SchemaTables) {}

  async upsert(manager: EntityManager, contacts: CustomerContact[], updatedAt: Date): Promise<void> {
    if (contacts.length === 0) return;
    const values = COLUMNS.values(contacts.map((contact) => ({ ...contact, updatedAt })));
    await manager.query(
      `INSERT INTO ${this.tables.of('customers')} (${COLUMNS.names()}) VALUES ${values.sql}
       ON CONFLICT (customer_id) DO UPDATE SET ${UPDATED.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`,
      values.params,
    );
  }

  async find(manager: EntityManager, customerId: string): Promise<CustomerRecord | null> {
    const [row] = await manager.query(`SELECT * FROM ${this.tables.of('customers')} WHERE customer_id = $1`, [
      customerId,
    ]);
    return row ? COLUMNS.toRecord(row) : null;
  }
}
