import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SchemaTables } from '@nps/persistence';
import type { DataSource } from 'typeorm';
import { DIMENSION_COLUMNS, type Dimension, type Interval, type NpsFilter } from '../nps/dimensions';
import type { NpsCounts } from '../nps/nps.calculator';

export interface CountsRow extends NpsCounts {
  /** First local day of the interval (YYYY-MM-DD); null without an interval. */
  period: string | null;
  group: Partial<Record<Dimension, string>>;
}

const FILTERED: Exclude<Dimension, 'tag'>[] = ['touchpointType', 'channel', 'segment', 'region', 'tier', 'language'];

/**
 * Answers count questions from the rollups, never from the responses: `rollups` normally,
 * `tag_rollups` when a tag is filtered or grouped on (a response counts once per tag it carries).
 */
@Injectable()
export class RollupReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: SchemaTables,
  ) {}

  async counts(filter: NpsFilter, groupBy: Dimension[] = [], interval?: Interval): Promise<CountsRow[]> {
    const byTag = filter.tag !== undefined || groupBy.includes('tag');
    const params: unknown[] = [filter.timeZone];
    const where = ['zone = $1'];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.from) where.push(`day >= ${param(filter.from)}::date`);
    if (filter.to) where.push(`day <= ${param(filter.to)}::date`);
    for (const dimension of FILTERED) {
      const values = filter[dimension];
      if (values) where.push(`${DIMENSION_COLUMNS[dimension]} = ANY(${param(values)}::text[])`);
    }
    if (filter.tag !== undefined) where.push(`tag_id = ${param(filter.tag)}`);
    const columns = groupBy.map((dimension) => DIMENSION_COLUMNS[dimension]);
    // `interval` comes from a closed list (validated), never from free text.
    const period = interval ? `date_trunc('${interval}', day::timestamp)` : 'NULL::timestamp';
    const keys = ['period', ...columns];
    // Grouped first, formatted after: the rows read can be many, the groups are few.
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT to_char(period, 'YYYY-MM-DD') AS period${columns.map((c) => `, ${c}`).join('')}, promoters, passives,
         detractors
       FROM (SELECT ${period} AS period${columns.map((c) => `, ${c}`).join('')},
               sum(promoters)::int AS promoters, sum(passives)::int AS passives, sum(detractors)::int AS detractors
             FROM ${this.tables.of(byTag ? 'tag_rollups' : 'rollups')}
             WHERE ${where.join(' AND ')}
             GROUP BY ${keys.join(', ')}) grouped
       WHERE promoters + passives + detractors > 0
       ORDER BY ${keys.join(', ')}`,
      params,
    );
    return rows.map((row) => ({
      period: row.period as string | null,
      group: Object.fromEntries(groupBy.map((dimension) => [dimension, row[DIMENSION_COLUMNS[dimension]] as string])),
      promoters: row.promoters as number,
      passives: row.passives as number,
      detractors: row.detractors as number,
    }));
  }
}
