import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@nps/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { isAdmin, leads } from '../access/team-access';
import { ConfigChangeRepository } from '../activity/config-change.repository';
import { CaseManagementEnv } from '../case-management.env';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import { TeamRepository } from '../teams/team.repository';
import type { RoutingRule } from './routing-rule';
import type { CreateRoutingRuleDto, PreviewRoutingRuleDto, UpdateRoutingRuleDto } from './routing-rule.dto';
import { RoutingRuleRepository } from './routing-rule.repository';
import { placementBound } from './rule-placement';
import { previewRule, type RulePreview } from './rule.preview';

type VersionedRule = RoutingRule & { version: number };

/** Ordered routing rules; a lead manages the rules that route to their own team, below other teams' rules. */
@Injectable()
export class RoutingRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: RoutingRuleRepository,
    private readonly teams: TeamRepository,
    private readonly log: ConfigChangeRepository,
    private readonly env: CaseManagementEnv,
  ) {}

  list(): Promise<VersionedRule[]> {
    return this.rules.list(this.db.manager);
  }

  /** Which of the newest cases a draft rule matches and would route, at its position among the current rules. */
  async preview(dto: PreviewRoutingRuleDto, principal: Principal): Promise<RulePreview> {
    const manager = this.db.manager;
    const draft: RoutingRule = {
      id: dto.id ?? 'draft',
      position: dto.position,
      teamId: dto.teamId,
      conditions: { ...dto.conditions },
      priority: dto.priority ?? null,
      enabled: dto.enabled ?? true,
    };
    const [rules, recent] = await Promise.all([
      this.rules.list(manager),
      this.rules.recentCases(manager, dto.limit ?? 100),
    ]);
    return previewRule(draft, rules, recent, this.env.DEFAULT_TEAM_ID, principal);
  }

  async create(dto: CreateRoutingRuleDto, principal: Principal): Promise<VersionedRule> {
    this.mustLead(principal, dto.teamId);
    return this.db.transaction(async (manager) => {
      await this.rules.lockForChange(manager);
      await this.mustHaveTeam(manager, dto.teamId);
      const rule: RoutingRule = {
        id: dto.id,
        position: dto.position,
        teamId: dto.teamId,
        conditions: { ...dto.conditions },
        priority: dto.priority ?? null,
        enabled: dto.enabled ?? true,
      };
      await this.mustBePlaceable(manager, rule, principal);
      if (!(await this.rules.insert(manager, rule)))
        throw new CaseError(CaseErrorCode.ALREADY_EXISTS, `routing rule ${dto.id} exists`);
      const created = { ...rule, version: 1 };
      await this.log.record(manager, {
        entity: 'routing_rule',
        entityId: rule.id,
        version: 1,
        action: 'created',
        actorId: principal.subject,
        snapshot: created,
      });
      return created;
    });
  }

  async update(id: string, dto: UpdateRoutingRuleDto, principal: Principal): Promise<VersionedRule> {
    return this.db.transaction(async (manager) => {
      await this.rules.lockForChange(manager);
      const current = await this.mustFind(manager, id);
      this.mustLead(principal, current.teamId);
      if (dto.teamId) {
        this.mustLead(principal, dto.teamId);
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
      await this.mustBePlaceable(manager, next, principal);
      const updated = await this.rules.update(manager, next);
      await this.log.record(manager, {
        entity: 'routing_rule',
        entityId: id,
        version: updated.version,
        action: 'updated',
        actorId: principal.subject,
        snapshot: updated,
      });
      return updated;
    });
  }

  async remove(id: string, principal: Principal): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.rules.lockForChange(manager);
      const current = await this.mustFind(manager, id);
      this.mustLead(principal, current.teamId);
      await this.rules.delete(manager, id);
      await this.log.record(manager, {
        entity: 'routing_rule',
        entityId: id,
        version: current.version + 1,
        action: 'deleted',
        actorId: principal.subject,
        snapshot: current,
      });
    });
  }

  private mustLead(principal: Principal, teamId: string): void {
    if (!leads(principal, teamId))
      throw new CaseError(CaseErrorCode.FORBIDDEN, `only a lead of ${teamId} or an admin manages its rules`);
  }

  /**
   * A lead's enabled rule comes after every other team's rule (ADR 0020); an admin places rules
   * anywhere. Disabling a rule takes nothing from anyone, so a lead may always do it.
   */
  private async mustBePlaceable(manager: EntityManager, rule: RoutingRule, principal: Principal): Promise<void> {
    if (isAdmin(principal) || !rule.enabled) return;
    const bound = placementBound(await this.rules.list(manager), principal.teams, rule.id);
    if (rule.position >= bound.minimumPosition) return;
    const after = bound.after
      ? ` (rule ${bound.after.id} of team ${bound.after.teamId} is at ${bound.after.position})`
      : '';
    throw new CaseError(
      CaseErrorCode.RULE_PRECEDES_OTHER_TEAMS,
      `position: a lead's rule must come after every other team's rule, at position ${bound.minimumPosition} ` +
        `or later${after}; an admin can place it higher`,
      { field: 'position', extensions: { minimumPosition: bound.minimumPosition } },
    );
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
