import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

export interface LoopMetricsFilter {
  teamIds?: string[];
  from: Date;
  to: Date;
}

const HOURS = (column: string) => `extract(epoch FROM ${column} - opened_at) / 3600`;

/** Closed-loop figures per team over cases opened in [from, to). */
@Injectable()
export class LoopMetricsRepository {
  constructor(private readonly tables: SchemaTables) {}

  async perTeam(manager: EntityManager, filter: LoopMetricsFilter): Promise<Record<string, unknown>[]> {
    return manager.query(
      `SELECT team_id,
         count(*)::int AS cases_opened,
         count(first_contacted_at)::int AS cases_contacted,
         count(resolved_at)::int AS cases_resolved,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS('first_contacted_at')}) FILTER (WHERE first_contacted_at IS
           NOT NULL) AS first_contact_p50_hours,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS('first_contacted_at')}) FILTER (WHERE first_contacted_at IS
           NOT NULL) AS first_contact_p90_hours,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS('resolved_at')}) FILTER (WHERE resolved_at IS NOT NULL) AS
           resolution_p50_hours,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS('resolved_at')}) FILTER (WHERE resolved_at IS NOT NULL) AS
           resolution_p90_hours,
         count(*) FILTER (WHERE first_contacted_at <= first_contact_due_at)::int AS first_contact_met,
         count(*) FILTER (WHERE first_contacted_at IS NOT NULL OR first_contact_due_at < now())::int AS
           first_contact_due,
         count(*) FILTER (WHERE resolved_at <= resolution_due_at)::int AS resolution_met,
         count(*) FILTER (WHERE resolved_at IS NOT NULL OR resolution_due_at < now())::int AS resolution_due,
         count(*) FILTER (WHERE outcome = 'recovered')::int AS recovered,
         count(outcome)::int AS with_outcome
       FROM ${this.tables.of('cases')}
       WHERE opened_at >= $1 AND opened_at < $2 AND ($3::text[] IS NULL OR team_id = ANY($3))
       GROUP BY team_id ORDER BY team_id`,
      [filter.from, filter.to, filter.teamIds ?? null],
    );
  }

  /** Root causes confirmed at resolution, with how many of those customers were recovered. */
  async rootCauses(manager: EntityManager, filter: LoopMetricsFilter): Promise<Record<string, unknown>[]> {
    return manager.query(
      `SELECT root_cause_tag_id, count(*)::int AS cases, count(*) FILTER (WHERE outcome = 'recovered')::int AS recovered
       FROM ${this.tables.of('cases')}
       WHERE root_cause_tag_id IS NOT NULL AND opened_at >= $1 AND opened_at < $2 AND ($3::text[] IS NULL OR team_id =
         ANY($3))
       GROUP BY root_cause_tag_id ORDER BY count(*) DESC, root_cause_tag_id`,
      [filter.from, filter.to, filter.teamIds ?? null],
    );
  }
}
