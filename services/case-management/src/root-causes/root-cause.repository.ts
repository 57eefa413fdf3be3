import { Injectable } from '@nestjs/common';
import { lockForTransaction } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { SchemaTables } from '@nps/persistence';

export interface RootCause {
  tagId: string;
  name: string;
  taxonomyVersion: number;
}

/** The root causes of the newest taxonomy version received on nps.taxonomy.published.v1. */
@Injectable()
export class RootCauseRepository {
  constructor(private readonly tables: SchemaTables) {}

  /**
   * Makes `tags` of `version` the known root causes; a tag absent from it is retired. An older or
   * the same version (a redelivery, a replay from the start of the topic) changes nothing.
   */
  async replace(manager: EntityManager, version: number, tags: { tagId: string; name: string }[]): Promise<boolean> {
    await lockForTransaction(manager, `${this.tables.schema}:root-causes`, 'taxonomy');
    if (version <= (await this.version(manager))) return false;
    const table = this.tables.of('root_causes');
    await manager.query(`DELETE FROM ${table} WHERE NOT (tag_id = ANY($1::text[]))`, [tags.map((tag) => tag.tagId)]);
    await manager.query(
      `INSERT INTO ${table} (tag_id, name, taxonomy_version) SELECT id, name, $3 FROM unnest($1::text[], $2::text[]) AS
         t(id, name)
       ON CONFLICT (tag_id) DO UPDATE SET name = EXCLUDED.name, taxonomy_version = EXCLUDED.taxonomy_version, updated_at
         = now()`,
      [tags.map((tag) => tag.tagId), tags.map((tag) => tag.name), version],
    );
    return true;
  }

  /** The taxonomy version the known root causes come from; 0 before the first one arrived. */
  async version(manager: EntityManager): Promise<number> {
    const [row] = await manager.query(
      `SELECT coalesce(max(taxonomy_version), 0)::int AS version FROM ${this.tables.of('root_causes')}`,
    );
    return row.version;
  }

  async find(manager: EntityManager, tagId: string): Promise<RootCause | null> {
    const [row] = await manager.query(
      `SELECT tag_id, name, taxonomy_version FROM ${this.tables.of('root_causes')} WHERE tag_id = $1`,
      [tagId],
    );
    return row ? { tagId: row.tag_id, name: row.name, taxonomyVersion: row.taxonomy_version } : null;
  }

  async list(manager: EntityManager): Promise<RootCause[]> {
    const rows = await manager.query(
      `SELECT tag_id, name, taxonomy_version FROM ${this.tables.of('root_causes')} ORDER BY tag_id`,
    );
    return rows.map((row: { tag_id: string; name: string; taxonomy_version: number }) => ({
      tagId: row.tag_id,
      name: row.name,
      taxonomyVersion: row.taxonomy_version,
    }));
  }
}
