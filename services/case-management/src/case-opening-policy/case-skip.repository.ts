import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

/** A detractor that opened no case, and why. */
export interface CaseSkip {
  id: string;
  responseId: string;
  customerId: string;
  /** CaseSkipReason without its prefix, e.g. `ANSWER_TOO_OLD`. */
  reason: string;
  detail: string;
  policyVersion: number;
  /** For the holdout: the team routing chose; else ''. */
  teamId: string;
  score: number;
  answeredAt: Date | null;
  touchpointType: string;
  source: string;
  channel: string;
  skippedAt: Date;
}

export interface CaseSkipFilter {
  reason?: string;
  since?: Date;
  until?: Date;
}

/** Where a listing stands: the last skip served, and the `now()` of the first page (later skips stay out). */
export interface CaseSkipPosition {
  skippedAt: string;
  id: string;
  asOf: string;
}

@Injectable()
export class CaseSkipRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** Which of the responses were skipped already, in one query. */
  async skippedAmong(manager: EntityManager, responseIds: string[]): Promise<Set<string>> {
    const rows: { response_id: string }[] = await manager.query(
      `SELECT response_id FROM ${this.tables.of('skipped_detractors')} WHERE response_id = ANY($1::text[])`,
      [responseIds],
    );
    return new Set(rows.map((row) => row.response_id));
  }

  /** Records the skip; false when the response was skipped already (a redelivery, a concurrent instance). */
  async insert(manager: EntityManager, skip: Omit<CaseSkip, 'id' | 'skippedAt'>): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO ${this.tables.of('skipped_detractors')} (response_id, customer_id, reason, detail, policy_version,
         team_id, score, answered_at, touchpoint_type, source, channel)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (response_id) DO NOTHING RETURNING id`,
      [
        skip.responseId,
        skip.customerId,
        skip.reason,
        skip.detail,
        skip.policyVersion,
        skip.teamId,
        skip.score,
        skip.answeredAt,
        skip.touchpointType,
        skip.source,
        skip.channel,
      ],
    );
    return rows.length > 0;
  }

  /** Skips per reason in [since, until). */
  async countByReason(manager: EntityManager, filter: CaseSkipFilter): Promise<Record<string, number>> {
    const rows: { reason: string; n: string }[] = await manager.query(
      `SELECT reason, count(*) AS n FROM ${this.tables.of('skipped_detractors')}
       WHERE ($1::timestamptz IS NULL OR skipped_at >= $1) AND ($2::timestamptz IS NULL OR skipped_at < $2)
       GROUP BY reason`,
      [filter.since ?? null, filter.until ?? null],
    );
    return Object.fromEntries(rows.map((row) => [row.reason, Number(row.n)]));
  }

  /** A page of skips, newest first, after `after` when given; with the total matching as of the first page. */
  async page(
    manager: EntityManager,
    filter: CaseSkipFilter,
    limit: number,
    after: CaseSkipPosition | null,
  ): Promise<{ items: CaseSkip[]; total: number; next: CaseSkipPosition | null }> {
    const table = this.tables.of('skipped_detractors');
    const [{ as_of: asOf }] = after ? [{ as_of: after.asOf }] : await manager.query(`SELECT now()::text AS as_of`);
    const where = `WHERE skipped_at <= $1::timestamptz AND ($2::text IS NULL OR reason = $2)
      AND ($3::timestamptz IS NULL OR skipped_at >= $3) AND ($4::timestamptz IS NULL OR skipped_at < $4)`;
    const params = [asOf, filter.reason ?? null, filter.since ?? null, filter.until ?? null];
    const rows = await manager.query(
      `SELECT *, skipped_at::text AS skipped_at_text FROM ${table} ${where}
         AND ($5::timestamptz IS NULL OR (skipped_at, id) < ($5::timestamptz, $6::bigint))
       ORDER BY skipped_at DESC, id DESC LIMIT $7`,
      [...params, after?.skippedAt ?? null, after?.id ?? null, limit + 1],
    );
    const [{ n }] = await manager.query(`SELECT count(*) AS n FROM ${table} ${where}`, params);
    const served = rows.slice(0, limit);
    const last = served.at(-1);
    const next = rows.length > limit ? { skippedAt: last.skipped_at_text as string, id: String(last.id), asOf } : null;
    return { items: served.map(toSkip), total: Number(n), next };
  }
}

function toSkip(row: Record<string, unknown>): CaseSkip {
  return {
    id: String(row.id),
    responseId: row.response_id as string,
    customerId: row.customer_id as string,
    reason: row.reason as string,
    detail: row.detail as string,
    policyVersion: row.policy_version as number,
    teamId: row.team_id as string,
    score: row.score as number,
    answeredAt: row.answered_at ? new Date(row.answered_at as string) : null,
    touchpointType: row.touchpoint_type as string,
    source: row.source as string,
    channel: row.channel as string,
    skippedAt: new Date(row.skipped_at as string),
  };
}
