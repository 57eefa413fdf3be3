import { Injectable } from '@nestjs/common';
import type { PromoterAction, PromoterDelivery } from '@nps/contracts';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

/**
 * One promoter answer's follow-up: pending (waiting for the poller), done, skipped (with the reason) or failed for
 * good.
 */
export interface PromoterFollowUpRow {
  responseId: string;
  customerId: string;
  revision: number;
  score: number;
  status: 'pending' | 'done' | 'skipped' | 'failed';
  action: PromoterAction;
  delivery: PromoterDelivery;
  reason: string | null;
  detail: string;
  answeredAt: Date;
  decidedAt: Date;
  /** Set for a customer nobody imported yet: due then, or when an import brings them (ADR 0070). */
  heldUntil?: Date | null;
}

/** A pending follow-up the poller holds locked while it delivers. */
export interface DuePromoterFollowUp {
  responseId: string;
  customerId: string;
  score: number;
  action: PromoterAction;
  delivery: PromoterDelivery;
  answeredAt: Date;
  attempts: number;
  /** Set when it was held for an unknown customer's import. */
  heldUntil: Date | null;
}

interface DueRow {
  response_id: string;
  customer_id: string;
  score: number;
  action: number;
  delivery: number;
  answered_at: Date | null;
  decided_at: Date;
  attempts: number;
  held_until: Date | null;
}

/** The promoter_follow_ups table; every method runs in the caller's transaction. */
@Injectable()
export class PromoterFollowUpRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('promoter_follow_ups');
  }

  /**
   * Records the follow-up of a response unless one exists; false when it did. A concurrent claim of the same
   * response waits on the key until this transaction ends, so only one of them ever acts. A pending row is due now,
   * or a held one at the end of its hold.
   */
  async claim(manager: EntityManager, row: PromoterFollowUpRow): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${this.table}
         (response_id, customer_id, revision, score, status, action, delivery, reason, detail, answered_at, decided_at,
          held_until, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
         CASE WHEN $5 = 'pending' THEN coalesce($12, $11::timestamptz) END)
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
        row.answeredAt,
        row.decidedAt,
        row.heldUntil ?? null,
      ],
    );
    return inserted.length > 0;
  }

  /** The pending follow-up due first, locked; other pollers skip it (ADR 0006). */
  async claimDue(manager: EntityManager, now: Date): Promise<DuePromoterFollowUp | null> {
    const [row]: DueRow[] = await manager.query(
      `SELECT response_id, customer_id, score, action, delivery, answered_at, decided_at, attempts, held_until
       FROM ${this.table}
       WHERE status = 'pending' AND next_attempt_at <= $1
       ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    if (!row) return null;
    return {
      responseId: row.response_id,
      customerId: row.customer_id,
      score: row.score,
      action: row.action,
      delivery: row.delivery,
      answeredAt: row.answered_at ?? row.decided_at,
      attempts: row.attempts,
      heldUntil: row.held_until,
    };
  }

  /** Delivered: the template id or webhook host it went out through. */
  async markDone(manager: EntityManager, responseId: string, target: string, at: Date): Promise<void> {
    await this.close(manager, responseId, { status: 'done', target, followedUpAt: at });
  }

  /** Given up (refused for good, or a bug that keeps failing): neither retried nor reported as done. */
  async markFailed(manager: EntityManager, responseId: string, reason: string, detail: string): Promise<void> {
    await this.close(manager, responseId, { status: 'failed', reason, detail });
  }

  /** Not sent after all: the customer became unknown or opted out while the follow-up waited. */
  async markSkipped(manager: EntityManager, responseId: string, reason: string, detail: string): Promise<void> {
    await this.close(manager, responseId, { status: 'skipped', reason, detail });
  }

  /** A transient failure: stays pending, due again at `nextAttemptAt`. */
  async retryLater(
    manager: EntityManager,
    responseId: string,
    attempts: number,
    nextAttemptAt: Date,
    error: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE response_id = $1`,
      [responseId, attempts, nextAttemptAt, error],
    );
  }

  private async close(
    manager: EntityManager,
    responseId: string,
    end: {
      status: 'done' | 'failed' | 'skipped';
      target?: string;
      reason?: string;
      detail?: string;
      followedUpAt?: Date;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.table}
       SET status = $2, target = coalesce($3, target), reason = coalesce($4, reason), detail = coalesce($5, detail),
           followed_up_at = $6, next_attempt_at = NULL
       WHERE response_id = $1`,
      [responseId, end.status, end.target ?? null, end.reason ?? null, end.detail ?? null, end.followedUpAt ?? null],
    );
  }
}
