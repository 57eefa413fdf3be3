import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { SurveyTrigger } from './survey-trigger';

/** A held touchpoint whose customer is now known (release it) or whose hold ended (let it go). */
export interface ReadyTrigger {
  trigger: SurveyTrigger;
  customerKnown: boolean;
}

/** Touchpoints held for a customer import (ADR 0066); every method runs in the caller's transaction. */
@Injectable()
export class HeldTriggerRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('held_triggers');
  }

  async hold(manager: EntityManager, trigger: SurveyTrigger, heldAt: Date, heldUntil: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (touchpoint_type, touchpoint_id, customer_id, attributes, held_at, held_until)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [trigger.touchpointType, trigger.touchpointId, trigger.customerId, trigger.attributes, heldAt, heldUntil],
    );
  }

  /** The oldest held touchpoint that is ready, locked for this transaction; other instances skip it. */
  async claimReady(manager: EntityManager, now: Date): Promise<ReadyTrigger | null> {
    const known = `EXISTS (SELECT 1 FROM ${this.tables.of('customers')} c WHERE c.customer_id = h.customer_id)`;
    const [row]: Record<string, unknown>[] = await manager.query(
      `SELECT h.*, ${known} AS customer_known FROM ${this.table} h
       WHERE ${known} OR h.held_until <= $1 ORDER BY h.held_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    if (!row) return null;
    return {
      trigger: {
        customerId: row.customer_id as string,
        touchpointId: row.touchpoint_id as string,
        touchpointType: row.touchpoint_type as string,
        attributes: row.attributes as Record<string, string>,
        origin: 'touchpoint',
      },
      customerKnown: row.customer_known as boolean,
    };
  }

  async end(manager: EntityManager, trigger: SurveyTrigger): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE touchpoint_type = $1 AND touchpoint_id = $2`, [
      trigger.touchpointType,
      trigger.touchpointId,
    ]);
  }
}
