import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { FollowUpGroupName } from './recovery.calculator';

export interface FollowUp {
  responseId: string;
  group: FollowUpGroupName;
  teamId: string;
  caseId: string;
  firstScore: number;
}

export interface RecoveryAnswer {
  responseId: string;
  recoveryResponseId: string;
  customerId: string;
  recoveryScore: number;
  answeredAt: Date;
}

export interface Measurement extends RecoveryAnswer, FollowUp {
  measuredAt: Date;
}

/** One measured recovery with the original response's root-cause tags, for the API. */
export interface MeasuredRow {
  group: FollowUpGroupName;
  teamId: string;
  tags: string[];
  firstScore: number;
  recoveryScore: number;
}

/** The follow-up projection and the recovery measurements; every method runs in the caller's transaction. */
@Injectable()
export class RecoveryRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** The first word wins: one detractor response is either followed up or held out (the earlier in `followUps`). */
  async recordFollowUps(manager: EntityManager, followUps: readonly FollowUp[], at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('follow_ups')} (response_id, follow_up_group, team_id, case_id, first_score,
         recorded_at)
       SELECT f.response_id, f.follow_up_group, f.team_id, f.case_id, f.first_score, $6
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) WITH ORDINALITY
         AS f(response_id, follow_up_group, team_id, case_id, first_score, n)
       ORDER BY f.n
       ON CONFLICT (response_id) DO NOTHING`,
      [
        followUps.map((f) => f.responseId),
        followUps.map((f) => f.group),
        followUps.map((f) => f.teamId),
        followUps.map((f) => f.caseId),
        followUps.map((f) => f.firstScore),
        at,
      ],
    );
  }

  /** Keeps the first re-survey answer of a detractor response; later ones (none are sent) change nothing. */
  async recordAnswer(manager: EntityManager, answer: RecoveryAnswer): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('recovery_measurements')} (response_id, recovery_response_id, customer_id,
         recovery_score, answered_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [answer.responseId, answer.recoveryResponseId, answer.customerId, answer.recoveryScore, answer.answeredAt],
    );
  }

  /**
   * Measures the responses whose follow-up and re-survey answer are both known, whichever came last; those with
   * one missing or measured before are not returned. The first score is the original answer as scoring keeps it (the
   * case's score when scoring never saw it).
   */
  async measure(manager: EntityManager, responseIds: readonly string[], at: Date): Promise<Measurement[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `WITH measured AS (
         UPDATE ${this.tables.of('recovery_measurements')} m
         SET follow_up_group = f.follow_up_group, team_id = f.team_id, case_id = f.case_id, measured_at = $2,
             first_score = coalesce((SELECT r.score FROM ${this.tables.of('responses')} r
                                      WHERE r.response_id = m.response_id AND r.received), f.first_score)
         FROM ${this.tables.of('follow_ups')} f
         WHERE m.response_id = ANY($1::text[]) AND f.response_id = m.response_id AND m.measured_at IS NULL
         RETURNING m.*)
       SELECT * FROM measured`,
      [responseIds, at],
    );
    return rows.map((row) => ({
      responseId: row.response_id as string,
      recoveryResponseId: row.recovery_response_id as string,
      customerId: row.customer_id as string,
      recoveryScore: Number(row.recovery_score),
      answeredAt: row.answered_at as Date,
      group: row.follow_up_group as FollowUpGroupName,
      teamId: row.team_id as string,
      caseId: row.case_id as string,
      firstScore: Number(row.first_score),
      measuredAt: row.measured_at as Date,
    }));
  }

  /** Measured recoveries answered within [from, to] (local days in `timeZone`, both optional). */
  async measured(
    manager: EntityManager,
    period: { from?: string; to?: string; timeZone: string },
  ): Promise<MeasuredRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT m.follow_up_group, m.team_id, m.first_score, m.recovery_score,
              coalesce((SELECT array_agg(t.tag_id ORDER BY t.tag_id) FROM ${this.tables.of('response_tags')} t
                        WHERE t.response_id = m.response_id), '{}') AS tags
       FROM ${this.tables.of('recovery_measurements')} m
       WHERE m.measured_at IS NOT NULL
         AND ($1::date IS NULL OR (m.answered_at AT TIME ZONE $3)::date >= $1::date)
         AND ($2::date IS NULL OR (m.answered_at AT TIME ZONE $3)::date <= $2::date)`,
      [period.from ?? null, period.to ?? null, period.timeZone],
    );
    return rows.map((row) => ({
      group: row.follow_up_group as FollowUpGroupName,
      teamId: row.team_id as string,
      tags: row.tags as string[],
      firstScore: Number(row.first_score),
      recoveryScore: Number(row.recovery_score),
    }));
  }
}
