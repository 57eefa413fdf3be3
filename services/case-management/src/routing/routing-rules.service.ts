import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ConfigChangeRepository } from '../activity/config-change.repository';
import { leads, type Operator } from '../auth/operator';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import { TeamRepository } from '../teams/team.repository';
import type { RoutingRule } from './routing-rule';
import type { CreateRoutingRuleDto, UpdateRoutingRuleDto } from './routing-rule.dto';
import { RoutingRuleRepository } from './routing-rule.repository';

type VersionedRule = RoutingRule & { version: number };

/** Ordered routing rules; a lead manages the rules that route to their own team. */
@Injectable()
export class RoutingRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: RoutingRuleRepository,
    private readonly teams: TeamRepository,
    private readonly log: ConfigChangeRepository,
  ) {}

  list(): Promise<VersionedRule[]> {
    return this.rules.list(this.db.manager);
  }

  async create(dto: CreateRoutingRuleDto, operator: Operator): Promise<VersionedRule> {
    this.mustLead(operator, dto.teamId);
    return this.db.transaction(async (manager) => {
      await this.mustHaveTeam(manager, dto.teamId);
      const rule: RoutingRule = {
        id: dto.id,
        position: dto.position,
        teamId: dto.teamId,
        conditions: { ...dto.conditions },
        priority: dto.priority ?? null,
        enabled: dto.enabled ?? true,
      };
      if (!(await this.rules.insert(manager, rule)))
        throw new CaseError(CaseErrorCode.ALREADY_EXISTS, `routing rule ${dto.id} exists`);
      const created = { ...rule, version: 1 };
      await this.log.record(manager, {
        entity: 'routing_rule',
        entityId: rule.id,
        version: 1,
        action: 'created',
        actorId: operator.memberId,
        snapshot: created,
      });
      return created;
    });
  }

  async update(id: string, dto: UpdateRoutingRuleDto, operator: Operator): Promise<VersionedRule> {
    return this.db.transaction(async (manager) => {
      const current = await this.mustFind(manager, id);
      this.mustLead(operator, current.teamId);
      if (dto.teamId) {
        this.mustLead(operator, dto.teamId);
        await this.mustHaveTeam(manager, dto.teamId);
      }
      const next: RoutingRule = {
        ...current,
        position: dto.position ?? current.position,
        teamId: dto.teamId ?? current.teamId,
        conditions: dto.conditions ? { ...dto.conditions } : current.conditions,
        priority: dto.priority ?? current.priority,
        enabled: dto.enabled ?? current.enabled,
      };
      const updated = await this.rules.update(manager, next);
      await this.log.record(manager, {
        entity: 'routing_rule',
        entityId: id,
        version: updated.version,
        action: 'updated',
        actorId: operator.memberId,
        snapshot: updated,
      });
      return updated;
    });
  }

  async remove(id: string, operator: Operator): Promise<void> {
    await this.db.transaction(async (manager) => {
      const current = await this.mustFind(manager, id);
      this.mustLead(operator, current.teamId);
      await this.rules.delete(manager, id);
      await this.log.record(manager, {
        entity: 'routing_rule',
        entityId: id,
        version: current.version + 1,
        action: 'deleted',
        actorId: operator.memberId,
        snapshot: current,
      });
    });
  }

  private mustLead(operator: Operator, teamId: string): void {
    if (!leads(operator, teamId))
      throw new CaseError(CaseErrorCode.FORBIDDEN, `only a lead of ${teamId} or an admin manages its rules`);
  }

  private async mustFind(manager: EntityManager, id: string): Promise<VersionedRule> {
    const rule = await this.rules.find(manager, id);
    if (!rule) throw new CaseError(CaseErrorCode.RULE_NOT_FOUND, `no routing rule ${id}`);
    return rule;
  }

  private async mustHaveTeam(manager: EntityManager, teamId: string): Promise<void> {
    if (!(await this.teams.find(manager, teamId)))
      throw new CaseError(CaseErrorCode.TEAM_NOT_FOUND, `teamId: no team ${teamId}`, { field: 'teamId' });
  }
}
