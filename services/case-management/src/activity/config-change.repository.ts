import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

export const CONFIG_ENTITIES = ['team', 'member', 'routing_rule', 'sla_policy'] as const;
export type ConfigEntity = (typeof CONFIG_ENTITIES)[number];

/** Every version of teams, members, routing rules and SLA policies: who changed what, when, and the result. */
@Injectable()
export class ConfigChangeRepository {
  constructor(private readonly tables: SchemaTables) {}

  async record(
    manager: EntityManager,
    change: {
      entity: ConfigEntity;
      entityId: string;
      version: number;
      action: string;
      actorId: string;
      snapshot: object;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('config_changes')} (entity, entity_id, version, action, actor_id, snapshot) VALUES
         ($1, $2, $3, $4, $5, $6)`,
      [change.entity, change.entityId, change.version, change.action, change.actorId, JSON.stringify(change.snapshot)],
    );
  }

  async list(
    manager: EntityManager,
    filter: { entity?: string; entityId?: string; limit: number },
  ): Promise<ConfigChangeView[]> {
    const rows = await manager.query(
      `SELECT id, entity, entity_id, version, action, actor_id, snapshot, at FROM ${this.tables.of('config_changes')}
       WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2) ORDER BY id DESC LIMIT $3`,
      [filter.entity ?? null, filter.entityId ?? null, filter.limit],
    );
    return rows.map((row: Record<string, unknown>) => ({
      id: Number(row.id),
      entity: row.entity,
      entityId: row.entity_id,
      version: row.version,
      action: row.action,
      actorId: row.actor_id,
      snapshot: row.snapshot,
      at: row.at,
    }));
  }
}

export interface ConfigChangeView {
  id: number;
  entity: string;
  entityId: string;
  version: number;
  action: string;
  actorId: string;
  snapshot: object;
  at: Date;
}
