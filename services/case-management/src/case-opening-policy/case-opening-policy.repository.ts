import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { CaseOpeningPolicy, CaseOpeningPolicySettings, SourceName } from './case-opening-policy';

/** The case-opening policy's versions: a change never overwrites, it adds the next version. */
@Injectable()
export class CaseOpeningPolicyRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** The newest version (the migration writes version 1, so there always is one). */
  async current(manager: EntityManager): Promise<CaseOpeningPolicy> {
    const [row] = await manager.query(
      `SELECT * FROM ${this.tables.of('case_opening_policies')} ORDER BY version DESC LIMIT 1`,
    );
    return toPolicy(row);
  }

  async versions(manager: EntityManager): Promise<CaseOpeningPolicy[]> {
    const rows = await manager.query(`SELECT * FROM ${this.tables.of('case_opening_policies')} ORDER BY version DESC`);
    return rows.map(toPolicy);
  }

  /** Adds the next version; concurrent changes serialise on the table lock, so versions never collide. */
  async add(manager: EntityManager, settings: CaseOpeningPolicySettings, actorId: string): Promise<CaseOpeningPolicy> {
    const table = this.tables.of('case_opening_policies');
    await manager.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    const [row] = await manager.query(
      `INSERT INTO ${table} (version, max_answer_age_days, excluded_sources, excluded_channels, holdout_share,
         changed_by)
       SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5 FROM ${table}
       RETURNING *`,
      [settings.maxAnswerAgeDays, settings.excludedSources, settings.excludedChannels, settings.holdoutShare, actorId],
    );
    return toPolicy(row);
  }
}

function toPolicy(row: Record<string, unknown>): CaseOpeningPolicy {
  return {
    version: row.version as number,
    maxAnswerAgeDays: row.max_answer_age_days as number,
    excludedSources: row.excluded_sources as SourceName[],
    excludedChannels: row.excluded_channels as string[],
    holdoutShare: Number(row.holdout_share),
    changedBy: row.changed_by as string,
    changedAt: new Date(row.changed_at as string),
  };
}
