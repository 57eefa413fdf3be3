import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SchemaTables } from '@nps/persistence';
import type { DataSource, EntityManager } from 'typeorm';

/** What scoring knows of an improvement action: enough to measure its effect. */
export interface ImprovementActionScope {
  id: string;
  /** Null until the opened event arrived (the three topics are not ordered with each other). */
  title: string | null;
  rootCauseTagId: string | null;
  touchpointType: string | null;
  segment: string | null;
  status: 'open' | 'released' | 'closed';
  releasedAt: Date | null;
}

/**
 * The projection of nps.improvement-action.*.v1. Each event writes only its own columns, and status
 * only moves forward (open → released → closed), so any arrival order and any redelivery end in the
 * same row.
 */
@Injectable()
export class ImprovementActionRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: SchemaTables,
  ) {}

  private get table(): string {
    return this.tables.of('improvement_actions');
  }

  async opened(
    manager: EntityManager,
    action: Omit<ImprovementActionScope, 'status' | 'releasedAt'>,
    openedAt: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (id, title, root_cause_tag_id, touchpoint_type, segment, status, opened_at)
       VALUES ($1, $2, $3, $4, $5, 'open', $6)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, root_cause_tag_id = EXCLUDED.root_cause_tag_id,
         touchpoint_type = EXCLUDED.touchpoint_type, segment = EXCLUDED.segment, opened_at = EXCLUDED.opened_at,
         updated_at = now()`,
      [action.id, action.title, action.rootCauseTagId, action.touchpointType, action.segment, openedAt],
    );
  }

  async released(manager: EntityManager, id: string, releasedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} AS a (id, status, released_at) VALUES ($1, 'released', $2)
       ON CONFLICT (id) DO UPDATE SET released_at = EXCLUDED.released_at,
         status = CASE WHEN a.status = 'closed' THEN 'closed' ELSE 'released' END, updated_at = now()`,
      [id, releasedAt],
    );
  }

  async closed(manager: EntityManager, id: string, closedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (id, status, closed_at) VALUES ($1, 'closed', $2)
       ON CONFLICT (id) DO UPDATE SET status = 'closed', closed_at = EXCLUDED.closed_at, updated_at = now()`,
      [id, closedAt],
    );
  }

  async find(id: string): Promise<ImprovementActionScope | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, title, root_cause_tag_id, touchpoint_type, segment, status, released_at FROM ${this.table}
       WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      rootCauseTagId: row.root_cause_tag_id,
      touchpointType: row.touchpoint_type,
      segment: row.segment,
      status: row.status,
      releasedAt: row.released_at,
    };
  }
}
