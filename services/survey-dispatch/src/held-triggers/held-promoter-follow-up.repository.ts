import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

/**
 * Promoter follow-ups held for an import (ADR 0070): the rows of promoter_follow_ups with `held_until`. Here, beside
 * the held touchpoints, because the customer import releases both: promoter-follow-up/ reads customers/, so
 * customers/ cannot call into it.
 */
@Injectable()
export class HeldPromoterFollowUpRepository {
  constructor(private readonly tables: SchemaTables) {}

  /**
   * An import brought these customers: their held follow-ups are due now. Call it under their locks. A row the
   * poller has claimed is skipped, as with held touchpoints: it is due already.
   */
  async customersArrived(manager: EntityManager, customerIds: string[], now: Date): Promise<void> {
    if (customerIds.length === 0) return;
    const table = this.tables.of('promoter_follow_ups');
    await manager.query(
      `UPDATE ${table} SET next_attempt_at = $2 WHERE ctid IN
         (SELECT ctid FROM ${table}
          WHERE customer_id = ANY($1) AND status = 'pending' AND held_until IS NOT NULL AND next_attempt_at > $2
          FOR UPDATE SKIP LOCKED)`,
      [customerIds, now],
    );
  }
}
