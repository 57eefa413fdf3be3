import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { CaseStatus } from './case.lifecycle';
import { type CaseRecord, toCaseRecord } from './case.record';

export interface QueueFilter {
  ownerId?: string;
  /** Restricts to these teams; undefined = every team. */
  teamIds?: string[];
  statuses: CaseStatus[];
  priority?: string;
  overdue?: boolean;
  tagId?: string;
  limit: number;
  offset: number;
}

/** The next deadline of a case: first contact until the customer was reached, then resolution. */
const NEXT_DUE = `CASE WHEN first_contacted_at IS NULL THEN first_contact_due_at ELSE resolution_due_at END`;

/** Read side of the ops API: queues and the customer story. */
@Injectable()
export class CaseViewRepository {
  constructor(private readonly tables: SchemaTables) {}

  async queue(manager: EntityManager, filter: QueueFilter): Promise<(CaseRecord & { nextDueAt: Date })[]> {
    const rows = await manager.query(
      `SELECT *, ${NEXT_DUE} AS next_due_at FROM ${this.tables.of('cases')}
       WHERE status = ANY($1) AND ($2::text IS NULL OR owner_id = $2) AND ($3::text[] IS NULL OR team_id = ANY($3))
         AND ($4::text IS NULL OR priority = $4) AND ($5::boolean IS NULL OR (${NEXT_DUE} < now()) = $5)
         AND ($6::text IS NULL OR $6 = ANY(tag_ids))
       ORDER BY ${NEXT_DUE}, opened_at, id LIMIT $7 OFFSET $8`,
      [
        filter.statuses,
        filter.ownerId ?? null,
        filter.teamIds ?? null,
        filter.priority ?? null,
        filter.overdue ?? null,
        filter.tagId ?? null,
        filter.limit,
        filter.offset,
      ],
    );
    return rows.map((row: Record<string, unknown>) => ({ ...toCaseRecord(row), nextDueAt: row.next_due_at as Date }));
  }

  async customerCases(manager: EntityManager, customerId: string): Promise<CaseRecord[]> {
    return (
      await manager.query(`SELECT * FROM ${this.tables.of('cases')} WHERE customer_id = $1 ORDER BY opened_at`, [
        customerId,
      ])
    ).map(toCaseRecord);
  }

  async notifications(manager: EntityManager, caseId: string): Promise<Record<string, unknown>[]> {
    const rows = await manager.query(
      `SELECT id, recipient_id, channel, target, kind, status, attempts, last_error, created_at, sent_at,
         next_attempt_at
       FROM ${this.tables.of('notifications')} WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
    return rows.map((row: Record<string, unknown>) => ({
      id: Number(row.id),
      recipientId: row.recipient_id,
      channel: row.channel,
      target: row.channel === 'webhook' ? new URL(row.target as string).origin : row.target,
      kind: row.kind,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at,
      sentAt: row.sent_at,
      nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    }));
  }
}
