import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SchemaTables } from '@nps/persistence';
import type { DataSource } from 'typeorm';
import { DIMENSION_COLUMNS, type Dimension, type Interval, type NpsFilter } from '../nps/dimensions';
import type { NpsCounts } from '../nps/nps.calculator';
import { type CoverPiece, coverOf } from './rollup.cover';
import { tableOf } from './rollup.grains';

export interface CountsRow extends NpsCounts {
  /** First local day of the interval (YYYY-MM-DD); null without an interval. */
  period: string | null;
  group: Partial<Record<Dimension, string>>;
}

const FILTERED: Exclude<Dimension, 'tag'>[] = ['touchpointType', 'channel', 'segment', 'region', 'tier', 'language'];

/** `coarsest`: months, weeks and days as coverOf picks them; `days`: the day tables only (the reference). */
export type ReadFrom = 'coarsest' | 'days';

/**
 * Answers count questions from the rollups, never from the responses: `rollups` normally,
 * `tag_rollups` when a tag is filtered or grouped on (a response counts once per tag it carries),
 * each from its coarsest tables that add up to exactly the days asked (rollup.cover.ts).
 */
@Injectable()
export class RollupReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: SchemaTables,
  ) {}

  async counts(
    filter: NpsFilter,
    groupBy: Dimension[] = [],
    interval?: Interval,
    readFrom: ReadFrom = 'coarsest',
  ): Promise<CountsRow[]> {
    const kind = filter.tag !== undefined || groupBy.includes('tag') ? 'tag_rollups' : 'rollups';
    const params: unknown[] = [filter.timeZone];
    const where = ['zone = $1'];
    const param = (value: unknown) => `$${params.push(value)}`;
    for (const dimension of FILTERED) {
      const values = filter[dimension];
      if (values) where.push(`${DIMENSION_COLUMNS[dimension]} = ANY(${param(values)}::text[])`);
    }
    if (filter.tag !== undefined) where.push(`tag_id = ${param(filter.tag)}`);
    const pieces: CoverPiece[] =
      readFrom === 'days'
        ? [{ grain: 'day', from: filter.from, to: filter.to }]
        : coverOf(filter.from, filter.to, interval);
    const columns = groupBy.map((dimension) => DIMENSION_COLUMNS[dimension]);
    // `interval` comes from a closed list (validated), never from free text. A week or month row's
    // `day` is its first day, and coverOf only reads periods that lie inside one interval.
    const period = interval ? `date_trunc('${interval}', day::timestamp)` : 'NULL::timestamp';
    const selects = pieces.map(({ grain, from, to }) => {
      const bounds = [
        ...(from === undefined ? [] : [`day >= ${param(from)}::date`]),
        ...(to === undefined ? [] : [`day <= ${param(to)}::date`]),
      ];
      return `SELECT ${period} AS period${columns.map((c) => `, ${c}`).join('')}, promoters, passives, detractors
        FROM ${this.tables.of(tableOf(kind, grain))} WHERE ${[...where, ...bounds].join(' AND ')}`;
    });
    const keys = ['period', ...columns];
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT to_char(period, 'YYYY-MM-DD') AS period${columns.map((c) => `, ${c}`).join('')},
         sum(promoters)::int AS promoters, sum(passives)::int AS passives, sum(detractors)::int AS detractors
       FROM (${selects.join(' UNION ALL ')}) pieces
       GROUP BY ${keys.join(', ')}
       HAVING sum(promoters + passives + detractors) > 0
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
