import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { TriggerOutcome } from '../triggers/survey-trigger';
import type { RecoveryGroup, RecoveryRequest } from './recovery-request';

export interface RecoverySurveyRow {
  responseId: string;
  customerId: string;
  group: RecoveryGroup;
  caseId: string | null;
  dueAt: Date;
  status: 'pending' | 'scheduled' | 'deferred' | 'suppressed';
  surveyRequestId: string | null;
  reason: string | null;
  detail: string | null;
}

/** Pending recovery re-surveys, one per detractor response; every method runs in the caller's transaction. */
@Injectable()
export class RecoverySurveyRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('recovery_surveys');
  }

  /** False when the response already has one (a redelivery, or a case resolved a second time). */
  async request(manager: EntityManager, request: RecoveryRequest): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.table} (response_id, customer_id, follow_up_group, case_id, due_at, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (response_id) DO NOTHING RETURNING response_id`,
      [request.responseId, request.customerId, request.group, request.caseId, request.dueAt, request.requestedAt],
    );
    return rows.length > 0;
  }

  /** The pending re-survey due soonest, locked for this transaction; other instances skip it. */
  async claimDue(manager: EntityManager, now: Date): Promise<RecoverySurveyRow | null> {
    const [row] = await this.select(
      manager,
      `WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return row ?? null;
  }

  async decided(manager: EntityManager, responseId: string, outcome: TriggerOutcome, at: Date): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET status = $2, survey_request_id = $3, reason = $4, detail = $5, decided_at = $6
       WHERE response_id = $1`,
      [
        responseId,
        outcome.outcome,
        'surveyRequestId' in outcome ? outcome.surveyRequestId : null,
        'reason' in outcome ? outcome.reason : null,
        'detail' in outcome ? outcome.detail : null,
        at,
      ],
    );
  }

  async find(manager: EntityManager, responseId: string): Promise<RecoverySurveyRow | null> {
    const [row] = await this.select(manager, 'WHERE response_id = $1', [responseId]);
    return row ?? null;
  }

  private async select(manager: EntityManager, clauses: string, params: unknown[]): Promise<RecoverySurveyRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT * FROM ${this.table} ${clauses}`, params);
    return rows.map((row) => ({
      responseId: row.response_id as string,
      customerId: row.customer_id as string,
      group: row.follow_up_group as RecoveryGroup,
      caseId: (row.case_id as string | null) ?? null,
      dueAt: row.due_at as Date,
      status: row.status as RecoverySurveyRow['status'],
      surveyRequestId: (row.survey_request_id as string | null) ?? null,
      reason: (row.reason as string | null) ?? null,
      detail: (row.detail as string | null) ?? null,
    }));
  }
}
