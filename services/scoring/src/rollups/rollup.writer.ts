import { Injectable } from '@nestjs/common';
import type { DeferredWrite } from '@nps/messaging';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { ScoringEnv } from '../scoring.env';
import { coarsen, type RollupChanges, type RollupDelta, sumDeltas } from './rollup.delta';
import { GRAINS, tableOf } from './rollup.grains';

const DIMENSIONS = ['touchpoint_type', 'channel', 'segment', 'region', 'tier', 'language'];
const KEY = ['zone', 'day', ...DIMENSIONS];
const TAG_KEY = ['zone', 'tag_id', 'day', ...DIMENSIONS];

/**
 * Applies rollup deltas (rollup.delta.ts) just before a handler's transaction commits, added up
 * over every event of the transaction (one in per-record mode, a batch in batch mode: handlers
 * `unitOfWork.defer` them, see deferred-write.ts in libs/messaging), to the day tables and,
 * summed per week and month, to the week and month tables (one upsert each), and deletes the rows
 * a delta emptied, so the rollups hold the same rows whatever order the events came in
 * (docs/adr/0008-scoring-projection-and-rollups.md, docs/adr/0041-week-and-month-rollups.md).
 * Tables are always written in the same order, rows in key order, so writers lock alike.
 */
@Injectable()
export class RollupWriter implements DeferredWrite<RollupChanges> {
  /** The rolled-up time zones (ROLLUP_TIME_ZONES). */
  readonly zones: string[];

  constructor(
    private readonly tables: SchemaTables,
    env: ScoringEnv,
  ) {
    this.zones = env.rollupTimeZones();
  }

  async write(manager: EntityManager, changes: RollupChanges[]): Promise<void> {
    const deltas = sumDeltas(changes);
    for (const grain of GRAINS) {
      const rollups = coarsen(deltas.rollups, grain);
      if (rollups.length > 0) await this.upsert(manager, tableOf('rollups', grain), KEY, rollups);
    }
    for (const grain of GRAINS) {
      const tagRollups = coarsen(deltas.tagRollups, grain);
      if (tagRollups.length > 0) await this.upsert(manager, tableOf('tag_rollups', grain), TAG_KEY, tagRollups);
    }
  }

  private async upsert(manager: EntityManager, table: string, key: string[], deltas: RollupDelta[]): Promise<void> {
    const columns = {
      zone: 'zone',
      tag_id: 'tagId',
      day: 'day',
      touchpoint_type: 'touchpointType',
      channel: 'channel',
      segment: 'segment',
      region: 'region',
      tier: 'tier',
      language: 'language',
    } as const;
    const params = [
      ...key.map((column) => deltas.map((delta) => delta[columns[column as keyof typeof columns]])),
      ...(['promoters', 'passives', 'detractors'] as const).map((field) => deltas.map((delta) => delta[field])),
    ];
    const types = [...key.map((column) => (column === 'day' ? 'date[]' : 'text[]')), 'int[]', 'int[]', 'int[]'];
    const emptied: Record<string, string>[] = await manager.query(
      `INSERT INTO ${this.tables.of(table)} AS t (${key.join(', ')}, promoters, passives, detractors)
       SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}`).join(', ')})
       ON CONFLICT (${key.join(', ')}) DO UPDATE SET promoters = t.promoters + EXCLUDED.promoters,
         passives = t.passives + EXCLUDED.passives, detractors = t.detractors + EXCLUDED.detractors
       RETURNING ${key.map((column) => `t.${column}::text`).join(', ')}, t.promoters + t.passives + t.detractors AS n`,
      params,
    );
    const gone = emptied.filter((row) => Number(row.n) === 0);
    if (gone.length === 0) return;
    await manager.query(
      `DELETE FROM ${this.tables.of(table)} t USING
         unnest(${key.map((column, i) => `$${i + 1}::${types[i]}`).join(', ')}) AS k(${key.join(', ')})
       WHERE ${key.map((column) => `t.${column} = k.${column}`).join(' AND ')} AND t.promoters = 0 AND t.passives = 0
         AND t.detractors = 0`,
      key.map((column) => gone.map((row) => row[column])),
    );
  }
}
