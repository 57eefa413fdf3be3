import { Injectable } from '@nestjs/common';
import { lockForTransaction, SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { SURVEY_REQUEST_COLUMNS as COLUMNS, type SurveyRequestRecord } from './survey-request.record';

const OPEN = ['scheduled', 'sent', 'reminded'] as const;
const MUTABLE = COLUMNS.fields.filter((field) => field !== 'id');

/** Survey requests; every method runs in the caller's transaction. */
@Injectable()
export class SurveyRequestRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** Serialises decisions about one customer (Kafka orders them per key; the ad-hoc API does not). */
  async lockCustomer(manager: EntityManager, customerId: string): Promise<void> {
    await lockForTransaction(manager, 'survey-dispatch.customer', customerId);
  }

  /** lockCustomer for many, in sorted order so two such callers cannot deadlock. */
  async lockCustomers(manager: EntityManager, customerIds: string[]): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('survey-dispatch.customer'), hashtext(id))
       FROM (SELECT DISTINCT id FROM unnest($1::text[]) AS id ORDER BY id) AS sorted`,
      [customerIds],
    );
  }

  async touchpointSeen(manager: EntityManager, touchpointType: string, touchpointId: string): Promise<boolean> {
    const where = 'touchpoint_type = $1 AND touchpoint_id = $2';
    const [{ seen }] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM ${this.tables.of('survey_requests')} WHERE ${where})
           OR EXISTS (SELECT 1 FROM ${this.tables.of('suppressions')} WHERE ${where}) AS seen`,
      [touchpointType, touchpointId],
    );
    return seen as boolean;
  }

  /** Requests that count against contact caps: every one since `since` that did not fail. */
  async countedSince(manager: EntityManager, customerId: string, since: Date): Promise<SurveyRequestRecord[]> {
    return this.select(
      manager,
      `WHERE customer_id = $1 AND requested_at >= $2 AND status <> 'failed' ORDER BY requested_at DESC`,
      [customerId, since],
    );
  }

  async insert(manager: EntityManager, request: SurveyRequestRecord): Promise<void> {
    const values = COLUMNS.values([request]);
    await manager.query(
      `INSERT INTO ${this.tables.of('survey_requests')} (${COLUMNS.names()}) VALUES ${values.sql}`,
      values.params,
    );
  }

  /** The request whose next action is due soonest, locked for this transaction; others skip it. */
  async claimDue(manager: EntityManager, now: Date): Promise<SurveyRequestRecord | null> {
    const [request] = await this.select(
      manager,
      'WHERE next_action IS NOT NULL AND due_at <= $1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED',
      [now],
    );
    return request ?? null;
  }

  async save(manager: EntityManager, request: SurveyRequestRecord): Promise<void> {
    const assignments = MUTABLE.map((field, i) => `${COLUMNS.of(field)} = $${i + 2}`).join(', ');
    await manager.query(`UPDATE ${this.tables.of('survey_requests')} SET ${assignments} WHERE id = $1`, [
      request.id,
      ...MUTABLE.map((field) => request[field]),
    ]);
  }

  /** Marks an open request answered: no reminder, no expiry. False when it was not open (unknown, already closed). */
  async markAnswered(manager: EntityManager, id: string, answeredAt: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH answered AS (
         UPDATE ${this.tables.of('survey_requests')}
         SET status = 'answered', answered_at = $2, closed_at = $2, next_action = NULL, due_at = NULL
         WHERE id = $1 AND status = ANY($3::text[]) RETURNING id)
       SELECT id FROM answered`,
      [id, answeredAt, [...OPEN]],
    );
    return rows.length > 0;
  }

  /**
   * After an opt-out of these customers (`channel` 0: every channel), their own or the CRM's: surveys not sent
   * yet are withdrawn (failed, never sent, so nobody else knows them) and sent ones get no reminder, only their
   * expiry. Returns how many changed.
   */
  async withdrawFor(manager: EntityManager, customerIds: string[], channel: number, now: Date): Promise<number> {
    const [, withdrawn] = (await manager.query(
      `UPDATE ${this.tables.of('survey_requests')}
       SET status = 'failed', closed_at = $3, next_action = NULL, due_at = NULL,
         last_error = 'withdrawn: the customer opted out'
       WHERE customer_id = ANY($1::text[]) AND ($2 = 0 OR channel = $2) AND status = 'scheduled'
         AND next_action = 'send'`,
      [customerIds, channel, now],
    )) as [unknown, number];
    const [, unreminded] = (await manager.query(
      `UPDATE ${this.tables.of('survey_requests')} SET next_action = 'expire', due_at = expires_at
       WHERE customer_id = ANY($1::text[]) AND ($2 = 0 OR channel = $2) AND next_action = 'remind'`,
      [customerIds, channel],
    )) as [unknown, number];
    return withdrawn + unreminded;
  }

  async listFor(manager: EntityManager, customerId: string): Promise<SurveyRequestRecord[]> {
    return this.select(manager, 'WHERE customer_id = $1 ORDER BY requested_at DESC LIMIT 200', [customerId]);
  }

  private async select(manager: EntityManager, clauses: string, params: unknown[]): Promise<SurveyRequestRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM ${this.tables.of('survey_requests')} ${clauses}`,
      params,
    );
    return rows.map((row) => COLUMNS.toRecord(row));
  }
}
