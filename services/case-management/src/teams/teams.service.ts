import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@nps/auth';
import { IANAZone } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { isAdmin, leads } from '../access/team-access';
import { ConfigChangeRepository } from '../activity/config-change.repository';
import type { TeamCalendar } from '../calendar/team-calendar';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import type { Member, Team } from './team';
import type { CreateMemberDto, CreateTeamDto, UpdateMemberDto, UpdateTeamDto } from './team.dto';
import { TeamRepository } from './team.repository';
import { type TeamView, teamView } from './team.view';

/** Managing teams and members; every change is a new version in the config change log. */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly teams: TeamRepository,
    private readonly log: ConfigChangeRepository,
  ) {}

  async list(principal: Principal): Promise<TeamView[]> {
    return (await this.teams.list(this.db.manager)).map((team) => teamView(team, principal));
  }

  async create(dto: CreateTeamDto, principal: Principal): Promise<TeamView> {
    const team = { ...teamFields(dto), id: dto.id };
    return this.db.transaction(async (manager) => {
      await this.mustNameMembers(manager, dto);
      if (!(await this.teams.insert(manager, team)))
        throw new CaseError(CaseErrorCode.ALREADY_EXISTS, `team ${dto.id} exists`);
      const created = await this.mustFind(manager, dto.id);
      await this.log.record(manager, {
        entity: 'team',
        entityId: created.id,
        version: created.version,
        action: 'created',
        actorId: principal.subject,
        snapshot: created,
      });
      return teamView(created, principal);
    });
  }

  async update(id: string, dto: UpdateTeamDto, principal: Principal): Promise<TeamView> {
    this.mustLead(principal, id);
    if (dto.webhookUrl !== undefined && !isAdmin(principal))
      throw new CaseError(CaseErrorCode.FORBIDDEN, "only an admin sets a team's webhookUrl (ADR 0020)", {
        field: 'webhookUrl',
      });
    return this.db.transaction(async (manager) => {
      const current = await this.mustFind(manager, id);
      await this.mustNameMembers(manager, dto);
      const merged = {
        ...current,
        ...defined({
          name: dto.name,
          leadMemberId: dto.leadMemberId,
          escalationMemberId: dto.escalationMemberId,
          escalationEmail: dto.escalationEmail,
          webhookUrl: dto.webhookUrl,
          language: dto.language,
        }),
        calendar: { ...current.calendar, ...defined(dto.calendar ?? {}) },
      };
      validateCalendar(merged.calendar);
      const updated = await this.teams.update(manager, merged);
      await this.log.record(manager, {
        entity: 'team',
        entityId: id,
        version: updated.version,
        action: 'updated',
        actorId: principal.subject,
        snapshot: updated,
      });
      return teamView(updated, principal);
    });
  }

  async members(teamId: string, principal: Principal): Promise<Member[]> {
    this.mustLead(principal, teamId);
    await this.mustFind(this.db.manager, teamId);
    return this.teams.members(this.db.manager, teamId);
  }

  async addMember(teamId: string, dto: CreateMemberDto, principal: Principal): Promise<Member> {
    this.mustLead(principal, teamId);
    return this.db.transaction(async (manager) => {
      await this.mustFind(manager, teamId);
      const member = { id: dto.id, teamId, name: dto.name, email: dto.email, available: dto.available ?? true };
      const created = { ...member, version: 1 };
      if (!(await this.teams.insertMember(manager, member)))
        throw new CaseError(CaseErrorCode.ALREADY_EXISTS, `member ${dto.id} exists`);
      await this.log.record(manager, {
        entity: 'member',
        entityId: dto.id,
        version: 1,
        action: 'created',
        actorId: principal.subject,
        snapshot: created,
      });
      return created;
    });
  }

  async updateMember(id: string, dto: UpdateMemberDto, principal: Principal): Promise<Member> {
    return this.db.transaction(async (manager) => {
      const current = await this.teams.findMember(manager, id);
      if (!current) throw new CaseError(CaseErrorCode.MEMBER_NOT_FOUND, `no member ${id}`);
      this.mustLead(principal, current.teamId);
      if (dto.teamId && dto.teamId !== current.teamId) {
        if (!isAdmin(principal))
          throw new CaseError(CaseErrorCode.FORBIDDEN, 'only an admin moves a member to another team');
        await this.mustFind(manager, dto.teamId, 'teamId');
      }
      const updated = await this.teams.updateMember(manager, {
        ...current,
        ...defined({ available: dto.available, name: dto.name, email: dto.email, teamId: dto.teamId }),
      });
      await this.log.record(manager, {
        entity: 'member',
        entityId: id,
        version: updated.version,
        action: 'updated',
        actorId: principal.subject,
        snapshot: updated,
      });
      return updated;
    });
  }

  private mustLead(principal: Principal, teamId: string): void {
    if (!leads(principal, teamId))
      throw new CaseError(CaseErrorCode.FORBIDDEN, `only a lead of ${teamId} or an admin may do this`);
  }

  /** A lead or escalation member that names no one would leave escalations with nobody to reach. */
  private async mustNameMembers(
    manager: EntityManager,
    dto: Pick<UpdateTeamDto, 'leadMemberId' | 'escalationMemberId'>,
  ): Promise<void> {
    for (const field of ['leadMemberId', 'escalationMemberId'] as const) {
      const memberId = dto[field];
      if (memberId !== undefined && !(await this.teams.findMember(manager, memberId)))
        throw new CaseError(CaseErrorCode.MEMBER_NOT_FOUND, `${field}: no member ${memberId}`, { field });
    }
  }

  /** `field`: the id came from the body, not the path. */
  private async mustFind(manager: EntityManager, id: string, field?: string): Promise<Team> {
    const team = await this.teams.find(manager, id);
    if (!team)
      throw new CaseError(CaseErrorCode.TEAM_NOT_FOUND, field ? `${field}: no team ${id}` : `no team ${id}`, { field });
    return team;
  }
}

function teamFields(dto: CreateTeamDto): Omit<Team, 'id' | 'version'> {
  const calendar = { ...dto.calendar, holidays: dto.calendar.holidays ?? [] };
  validateCalendar(calendar);
  return {
    name: dto.name,
    leadMemberId: dto.leadMemberId ?? null,
    escalationMemberId: dto.escalationMemberId ?? null,
    escalationEmail: dto.escalationEmail ?? null,
    webhookUrl: dto.webhookUrl ?? null,
    language: dto.language ?? 'en',
    calendar,
  };
}

/** Business hours must be usable: a real time zone, at least one working day, a day that ends after it starts. */
export function validateCalendar(calendar: TeamCalendar): void {
  if (!IANAZone.isValidZone(calendar.timeZone))
    throw new CaseError(
      CaseErrorCode.INVALID_CALENDAR,
      `calendar.timeZone: unknown IANA time zone "${calendar.timeZone}"`,
      { field: 'calendar.timeZone' },
    );
  if (calendar.workingDays.length === 0)
    throw new CaseError(CaseErrorCode.INVALID_CALENDAR, 'calendar.workingDays: at least one working day is needed', {
      field: 'calendar.workingDays',
    });
  if (calendar.dayEnd <= calendar.dayStart)
    throw new CaseError(CaseErrorCode.INVALID_CALENDAR, 'calendar.dayEnd: must be after dayStart', {
      field: 'calendar.dayEnd',
    });
}

/** The properties that are set, so a partial update keeps the rest. */
function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
