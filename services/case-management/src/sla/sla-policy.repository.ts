import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { Priority } from './priority';
import type { SlaPolicy } from './sla-policy';

@Injectable()
export class SlaPolicyRepository {
  constructor(private readonly tables: SchemaTables) {}

  async list(manager: EntityManager): Promise<SlaPolicy[]> {
    return (await manager.query(`SELECT * FROM ${this.tables.of('sla_policies')} ORDER BY first_contact_minutes`)).map(
      toPolicy,
    );
  }

  async find(manager: EntityManager, priority: Priority): Promise<SlaPolicy> {
    const [row] = await manager.query(`SELECT * FROM ${this.tables.of('sla_policies')} WHERE priority = $1`, [
      priority,
    ]);
    return toPolicy(row);
  }

  async upsert(manager: EntityManager, policy: Omit<SlaPolicy, 'version'>): Promise<SlaPolicy> {
    const [row] = await manager.query(
      `INSERT INTO ${this.tables.of('sla_policies')} (priority, first_contact_minutes, resolution_minutes) VALUES ($1,
         $2, $3)
       ON CONFLICT (priority) DO UPDATE SET first_contact_minutes = $2, resolution_minutes = $3,
         version = ${this.tables.of('sla_policies')}.version + 1, updated_at = now()
       RETURNING *`,
      [policy.priority, policy.firstContactMinutes, policy.resolutionMinutes],
    );
    return toPolicy(row);
  }
}

function toPolicy(row: Record<string, unknown>): SlaPolicy {
  return {
    priority: row.priority as Priority,
    firstContactMinutes: row.first_contact_minutes as number,
    resolutionMinutes: row.resolution_minutes as number,
    version: row.version as number,
  };
}
