import { Injectable } from '@nestjs/common';
import type { PromoterAction, PromoterDelivery } from '@nps/contracts';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

/** One promoter answer's follow-up: done, skipped (with the reason) or failed for good. */
export interface PromoterFollowUpRow {
  responseId: string;
  customerId: string;
  revision: number;
  score: number;
  status: 'done' | 'skipped' | 'failed';
  action: PromoterAction;
  delivery: PromoterDelivery;
  reason: string | null;
  detail: string;
  target: string;
  decidedAt: Date;
}

/** The promoter_follow_ups table; every method runs in the caller's transaction. */
@Injectable()
export class PromoterFollowUpRepository {
  constructor(private readonly tables: SchemaTables) {}

  /**
   * Records the follow-up of a response unless one exists; false when it did. A concurrent claim of the same
   * response waits on the key until this transaction ends, so only one of them ever acts.
   */
  async claim(manager: EntityManager, row: PromoterFollowUpRow): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${this.tables.of('promoter_follow_ups')}
         (response_id, customer_id, revision, score, status, action, delivery, reason, detail, target, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (response_id) DO NOTHING RETURNING response_id`,
      [
        row.responseId,
        row.customerId,
        row.revision,
        row.score,
        row.status,
        row.action,
        row.delivery,
        row.reason,
        row.detail,
        row.target,
        row.decidedAt,
      ],
    );
    return inserted.length > 0;
  }

  /** A delivery the provider refused for good: kept as failed, so it is neither retried nor reported as done. */
  async markFailed(manager: EntityManager, responseId: string, reason: string, detail: string): Promise<void> {
    await manager.query(
      `UPDATE ${this.tables.of('promoter_follow_ups')} SET status = 'failed', reason = $2, detail = $3
       WHERE response_id = $1`,
      [responseId, reason, detail],
    );
  }

  /** The template id or webhook host the action went out through. */
  async setTarget(manager: EntityManager, responseId: string, target: string): Promise<void> {
    await manager.query(`UPDATE ${this.tables.of('promoter_follow_ups')} SET target = $2 WHERE response_id = $1`, [
      responseId,
      target,
    ]);
  }
}
