import { Injectable } from '@nestjs/common';
import { lockForTransaction, SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { type CaseRecord, toCaseRecord } from '../cases/case.record';
import type { Priority } from '../sla/priority';
import type { RoutingRule } from './routing-rule';

@Injectable()
export class RoutingRuleRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** Serialises rule changes across instances, so two leads never both place a rule against the same order. */
  async lockForChange(manager: EntityManager): Promise<void> {
    await lockForTransaction(manager, `${this.tables.schema}:routing-rules`, 'order');
  }

  async list(manager: EntityManager): Promise<(RoutingRule & { version: number })[]> {
    return (await manager.query(`SELECT * FROM ${this.tables.of('routing_rules')} ORDER BY position, id`)).map(toRule);
  }

  async find(manager: EntityManager, id: string): Promise<(RoutingRule & { version: number }) | null> {
    const [row] = await manager.query(`SELECT * FROM ${this.tables.of('routing_rules')} WHERE id = $1`, [id]);
    return row ? toRule(row) : null;
  }

  async insert(manager: EntityManager, rule: RoutingRule): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO ${this.tables.of('routing_rules')} (id, position, team_id, conditions, priority, enabled) VALUES ($1,
         $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [rule.id, rule.position, rule.teamId, JSON.stringify(rule.conditions), rule.priority, rule.enabled],
    );
    return rows.length === 1;
  }

  async update(manager: EntityManager, rule: RoutingRule): Promise<RoutingRule & { version: number }> {
    const [row] = await manager.query(
      `WITH updated AS (UPDATE ${this.tables.of('routing_rules')} SET position = $2, team_id = $3, conditions = $4,
         priority = $5, enabled = $6, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING *) SELECT * FROM updated`,
      [rule.id, rule.position, rule.teamId, JSON.stringify(rule.conditions), rule.priority, rule.enabled],
    );
    return toRule(row);
  }

  /** The newest cases, for trying a draft rule on recent detractors (POST /routing-rules/preview). */
  async recentCases(manager: EntityManager, limit: number): Promise<CaseRecord[]> {
    return (
      await manager.query(`SELECT * FROM ${this.tables.of('cases')} ORDER BY opened_at DESC, id LIMIT $1`, [limit])
    ).map(toCaseRecord);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM ${this.tables.of('routing_rules')} WHERE id = $1`, [id]);
  }
}

function toRule(row: Record<string, unknown>): RoutingRule & { version: number } {
  return {
    id: row.id as string,
    position: row.position as number,
    teamId: row.team_id as string,
    conditions: row.conditions as RoutingRule['conditions'],
    priority: (row.priority as Priority | null) ?? null,
    enabled: row.enabled as boolean,
    version: row.version as number,
  };
}
