import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

/** A `touchpoint recorded` whose customer was not known when it came. */
export interface HeldTouchpoint {
  customerId: string;
  touchpointId: string;
  touchpointType: string;
  attributes: Record<string, string>;
}

/** A held touchpoint whose customer is now known (release it) or whose hold ended (let it go). */
export interface ReadyTouchpoint {
  touchpoint: HeldTouchpoint;
  customerKnown: boolean;
}

/**
 * Touchpoints held for a customer import (ADR 0066); every method runs in the caller's transaction. A row is
 * ready at the end of its hold, or earlier once an import brings its customer: `ready_at` says which comes
 * first, so a poll reads the index on it and never the rows still waiting.
 */
@Injectable()
export class HeldTriggerRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('held_triggers');
  }

  async hold(manager: EntityManager, touchpoint: HeldTouchpoint, heldAt: Date, heldUntil: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table}
         (touchpoint_type, touchpoint_id, customer_id, attributes, held_at, held_until, ready_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT DO NOTHING`,
      [
        touchpoint.touchpointType,
        touchpoint.touchpointId,
        touchpoint.customerId,
        touchpoint.attributes,
        heldAt,
        heldUntil,
      ],
    );
  }

  /**
   * An import brought these customers: their held touchpoints are ready now. Call it under their locks. A row the
   * poller has claimed is skipped: it is ready already, and waiting for it could deadlock with a poller that waits
   * for one of these customers' locks.
   */
  async customersArrived(manager: EntityManager, customerIds: string[], now: Date): Promise<void> {
    if (customerIds.length === 0) return;
    await manager.query(
      `UPDATE ${this.table} SET ready_at = $2 WHERE ctid IN
         (SELECT ctid FROM ${this.table} WHERE customer_id = ANY($1) AND ready_at > $2 FOR UPDATE SKIP LOCKED)`,
      [customerIds, now],
    );
  }

  /** The held touchpoint ready longest, locked for this transaction; other instances skip it. */
  async claimReady(manager: EntityManager, now: Date): Promise<ReadyTouchpoint | null> {
    // Known is read again here: a customer stored by anything but an import is released when the hold ends.
    const [row]: Record<string, unknown>[] = await manager.query(
      `SELECT h.*, EXISTS (SELECT 1 FROM ${this.tables.of('customers')} c WHERE c.customer_id = h.customer_id)
         AS customer_known
       FROM ${this.table} h WHERE h.ready_at <= $1 ORDER BY h.ready_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    if (!row) return null;
    return {
      touchpoint: {
        customerId: row.customer_id as string,
        touchpointId: row.touchpoint_id as string,
        touchpointType: row.touchpoint_type as string,
        attributes: row.attributes as Record<string, string>,
      },
      customerKnown: row.customer_known as boolean,
    };
  }

  async end(manager: EntityManager, touchpoint: HeldTouchpoint): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE touchpoint_type = $1 AND touchpoint_id = $2`, [
      touchpoint.touchpointType,
      touchpoint.touchpointId,
    ]);
  }
}
