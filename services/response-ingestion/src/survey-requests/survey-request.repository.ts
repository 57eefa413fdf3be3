import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { SurveyRequestState } from '../answers/answer.decider';

interface SurveyRequestRow {
  response_id: string | null;
  answered_at: Date | null;
  revoked_at: Date | null;
  expired_at: Date | null;
  score: number | null;
  comment: string | null;
  revision: number | null;
  recovery_of_response_id: string | null;
}

/** A survey request's state, the answer it got, and the detractor response a recovery re-survey follows up. */
export type StoredSurveyRequest = SurveyRequestState & { responseId?: string; recoveryOfResponseId?: string };

/** The `survey_requests` table: what a survey link's token cannot say about itself. */
@Injectable()
export class SurveyRequestRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('survey_requests');
  }

  /** The request's state, locked until the transaction ends so two answers to one link queue up. */
  async lock(manager: EntityManager, surveyRequestId: string, customerId: string): Promise<StoredSurveyRequest> {
    await manager.query(
      `INSERT INTO ${this.table} (survey_request_id, customer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [surveyRequestId, customerId],
    );
    return this.read(manager, surveyRequestId, 'FOR UPDATE OF r');
  }

  /** The request's state without taking a lock (pages that only show it). */
  async find(manager: EntityManager, surveyRequestId: string): Promise<StoredSurveyRequest> {
    return this.read(manager, surveyRequestId, '');
  }

  private async read(manager: EntityManager, surveyRequestId: string, locking: string): Promise<StoredSurveyRequest> {
    const [row]: (SurveyRequestRow | undefined)[] = await manager.query(
      `SELECT r.response_id, r.recovery_of_response_id, r.answered_at, r.revoked_at, r.expired_at, s.score, s.comment,
         s.revision
       FROM ${this.table} r LEFT JOIN ${this.tables.of('responses')} s ON s.response_id = r.response_id
       WHERE r.survey_request_id = $1 ${locking}`,
      [surveyRequestId],
    );
    if (!row) return {};
    return {
      responseId: row.response_id ?? undefined,
      recoveryOfResponseId: row.recovery_of_response_id ?? undefined,
      revokedAt: row.revoked_at ?? undefined,
      expiredAt: row.expired_at ?? undefined,
      answered:
        row.response_id && row.answered_at
          ? {
              answeredAt: row.answered_at,
              score: Number(row.score),
              comment: row.comment ?? '',
              revision: Number(row.revision),
            }
          : undefined,
    };
  }

  async markAnswered(
    manager: EntityManager,
    surveyRequestId: string,
    responseId: string,
    answeredAt: Date,
  ): Promise<void> {
    await manager.query(`UPDATE ${this.table} SET response_id = $2, answered_at = $3 WHERE survey_request_id = $1`, [
      surveyRequestId,
      responseId,
      answeredAt.toISOString(),
    ]);
  }

  async revoke(
    manager: EntityManager,
    surveyRequestId: string,
    customerId: string | undefined,
    reason: string,
    at: Date,
  ): Promise<{ wasRevoked: boolean; known: boolean }> {
    const [existing] = await manager.query(`SELECT revoked_at FROM ${this.table} WHERE survey_request_id = $1`, [
      surveyRequestId,
    ]);
    // A link can be revoked before anyone used it: the row is created so the first answer finds it.
    await manager.query(
      `INSERT INTO ${this.table} (survey_request_id, customer_id, revoked_at, revoke_reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (survey_request_id) DO UPDATE SET revoked_at = COALESCE(${this.table}.revoked_at,
         EXCLUDED.revoked_at), revoke_reason = COALESCE(${this.table}.revoke_reason, EXCLUDED.revoke_reason)`,
      [surveyRequestId, customerId ?? '', at.toISOString(), reason],
    );
    return { wasRevoked: Boolean(existing?.revoked_at), known: Boolean(existing) };
  }

  async markRecovery(
    manager: EntityManager,
    surveyRequestId: string,
    customerId: string,
    recoveryOfResponseId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (survey_request_id, customer_id, recovery_of_response_id) VALUES ($1, $2, $3)
       ON CONFLICT (survey_request_id) DO UPDATE SET recovery_of_response_id = EXCLUDED.recovery_of_response_id`,
      [surveyRequestId, customerId, recoveryOfResponseId],
    );
  }

  async markExpired(manager: EntityManager, surveyRequestId: string, customerId: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (survey_request_id, customer_id, expired_at) VALUES ($1, $2, $3)
       ON CONFLICT (survey_request_id) DO UPDATE SET expired_at = COALESCE(${this.table}.expired_at,
         EXCLUDED.expired_at)`,
      [surveyRequestId, customerId, at.toISOString()],
    );
  }
}
