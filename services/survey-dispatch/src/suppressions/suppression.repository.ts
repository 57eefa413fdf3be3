import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { SUPPRESSION_COLUMNS as COLUMNS, type SuppressionRecord } from './suppression.record';

export type NewSuppression = Omit<SuppressionRecord, 'id'>;
type Touchpoint = Pick<SuppressionRecord, 'touchpointType' | 'touchpointId'>;
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

  /** A touchpoint held for an import (ADR 0066): its UNKNOWN_CUSTOMER decision says until when. */
  async markHeld(manager: EntityManager, touchpoint: Touchpoint, heldUntil: Date): Promise<void> {
    const until = heldUntil.toISOString();
    const detail = `no contact is known for this customer; held for an import that brings them until ${until}`;
    await manager.query(
      `UPDATE ${this.tables.of('suppressions')} SET detail = $3
       WHERE touchpoint_type = $1 AND touchpoint_id = $2 AND reason = 'UNKNOWN_CUSTOMER'`,
      [touchpoint.touchpointType, touchpoint.touchpointId, detail],
    );
  }

  /** A held touchpoint released by its customer's import loses its UNKNOWN_CUSTOMER decision: it gets a new one. */
  async forgetUnknownCustomer(manager: EntityManager, touchpoint: Touchpoint): Promise<void> {
    await manager.query(
      `DELETE FROM ${this.tables.of('suppressions')}
       WHERE touchpoint_type = $1 AND touchpoint_id = $2 AND reason = 'UNKNOWN_CUSTOMER'`,
      [touchpoint.touchpointType, touchpoint.touchpointId],
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
