import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { type CaseRecord, toCaseRecord } from './case.record';

/** Read side of the case screen: the customer story and the notifications of a case. */
@Injectable()
export class CaseViewRepository {
  constructor(private readonly tables: SchemaTables) {}

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
