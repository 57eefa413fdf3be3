import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { SUPPRESSION_COLUMNS as COLUMNS, type SuppressionRecord } from './suppression.record';

export type NewSuppression = Omit<SuppressionRecord, 'id'>;
const INSERTED = COLUMNS.fields.filter((field) => field !== 'id');

/** Recorded contact-policy decisions; every method runs in the caller's transaction. */
@Injectable()
export class SuppressionRepository {
  constructor(private readonly tables: SchemaTables) {}

  async record(manager: EntityManager, suppression: NewSuppression): Promise<void> {
    const values = COLUMNS.values([{ ...suppression, id: '' }], INSERTED);
    await manager.query(
      `INSERT INTO ${this.tables.of('suppressions')} (${COLUMNS.names(INSERTED)}) VALUES ${values.sql}`,
      values.params,
    );
  }

  /** The newest 500 decisions about a customer, newest first. */
  async listFor(manager: EntityManager, customerId: string): Promise<SuppressionRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM ${this.tables.of('suppressions')} WHERE customer_id = $1
       ORDER BY recorded_at DESC, id DESC LIMIT 500`,
      [customerId],
    );
    return rows.map((row) => COLUMNS.toRecord(row));
  }
}
