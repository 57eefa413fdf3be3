import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { PendingNotification } from './notification.senders';

/** What happened to a case that its people are told about (notification.queue.ts). */
export type NotificationKind = 'assigned' | 'escalated';

/** A notification to queue: one row per (channel, target). */
export interface NewNotification {
  caseId: string;
  recipientId: string;
  /** A case notification, or an account-at-risk alert attached to the case that raised it (accounts/). */
  kind: NotificationKind | 'account_at_risk';
  subject: string;
  body: string;
  targets: [channel: string, target: string][];
}

/** The notification queue table: queued in the case's transaction, claimed and settled by the dispatcher. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** Queues notifications in one statement, in their order. */
  async enqueue(manager: EntityManager, notifications: NewNotification[]): Promise<void> {
    const rows = notifications.flatMap((n) => n.targets.map(([channel, target]) => ({ ...n, channel, target })));
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO ${this.tables.of('notifications')} (case_id, recipient_id, channel, target, kind, subject, body)
       SELECT case_id, recipient_id, channel, target, kind, subject, body FROM unnest($1::uuid[], $2::text[],
         $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS
         t(case_id, recipient_id, channel, target, kind, subject, body, n) ORDER BY n`,
      [
        rows.map((row) => row.caseId),
        rows.map((row) => row.recipientId),
        rows.map((row) => row.channel),
        rows.map((row) => row.target),
        rows.map((row) => row.kind),
        rows.map((row) => row.subject),
        rows.map((row) => row.body),
      ],
    );
  }

  /**
   * Claims up to `limit` due notifications (FOR UPDATE SKIP LOCKED, so instances never share one),
   * counting the attempt and hiding them from others for `claimSeconds`.
   */
  async claimDue(manager: EntityManager, limit: number, claimSeconds: number): Promise<ClaimedNotification[]> {
    const table = this.tables.of('notifications');
    const rows: Record<string, unknown>[] = await manager.query(
      `WITH claimed AS (
         UPDATE ${table} SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${claimSeconds})
         WHERE id IN (SELECT id FROM ${table} WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
       RETURNING *) SELECT * FROM claimed`,
    );
    return rows.map(toClaimedNotification);
  }

  async markSent(manager: EntityManager, id: number): Promise<void> {
    await manager.query(
      `UPDATE ${this.tables.of('notifications')} SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  /** Records a failed attempt: `pending` again after `retryInSeconds`, or `failed` for good. */
  async markAttemptFailed(
    manager: EntityManager,
    id: number,
    outcome: { failed: boolean; error: string; retryInSeconds: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.tables.of('notifications')}
       SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
      [id, outcome.failed ? 'failed' : 'pending', outcome.error, outcome.retryInSeconds],
    );
  }
}

export interface ClaimedNotification extends PendingNotification {
  attempts: number;
}

function toClaimedNotification(row: Record<string, unknown>): ClaimedNotification {
  return {
    id: Number(row.id),
    caseId: row.case_id as string,
    recipientId: row.recipient_id as string,
    channel: row.channel as PendingNotification['channel'],
    target: row.target as string,
    kind: row.kind as string,
    subject: row.subject as string,
    body: row.body as string,
    attempts: row.attempts as number,
  };
}
