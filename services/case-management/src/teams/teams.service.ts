import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IANAZone } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { ConfigChangeRepository } from '../activity/config-change.repository';
import { isAdmin, leads, type Operator } from '../auth/operator';
import type { TeamCalendar } from '../calendar/team-calendar';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import type { Member, Team } from './team';
import type { CreateMemberDto, CreateTeamDto, UpdateMemberDto, UpdateTeamDto } from './team.dto';
import { TeamRepository } from './team.repository';

/** Managing teams and members; every change is a new version in the config change log. */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly teams: TeamRepository,
    private readonly log: ConfigChangeRepository,
  ) {}

  list(): Promise<Team[]> {
    return this.teams.list(this.db.manager);
  }

  async create(dto: CreateTeamDto, operator: Operator): Promise<Team> {
    const team = { ...teamFields(dto), id: dto.id };
    return this.db.transaction(async (manager) => {
      if (!(await this.teams.insert(manager, team)))
        throw new CaseError(CaseErrorCode.ALREADY_EXISTS, `team ${dto.id} exists`);
      const created = await this.mustFind(manager, dto.id);
      await this.log.record(manager, {
        entity: 'team',
        entityId: created.id,
        version: created.version,
        action: 'created',
        actorId: operator.memberId,
        snapshot: created,
      });
      return created;
    });
  }

  async update(id: string, dto: UpdateTeamDto, operator: Operator): Promise<Team> {
    this.mustLead(operator, id);
    return this.db.transaction(async (manager) => {
      const current = await this.mustFind(manager, id);
      const merged = {
        ...current,
        ...defined({
          name: dto.name,
          leadMemberId: dto.leadMemberId,
          escalationMemberId: dto.escalationMemberId,
          escalationEmail: dto.escalationEmail,
          webhookUrl: dto.webhookUrl,
        }),
        calendar: {
          ...current.calendar,
          ...defined({
            timeZone: dto.timeZone,
            workingDays: dto.workingDays,
            dayStart: dto.dayStart,
            dayEnd: dto.dayEnd,
            holidays: dto.holidays,
          }),
        },
      };
      validateCalendar(merged.calendar);
      const updated = await this.teams.update(manager, merged);
      await this.log.record(manager, {
        entity: 'team',
        entityId: id,
        version: updated.version,
        action: 'updated',
        actorId: operator.memberId,
        snapshot: updated,
      });
      return updated;
    });
  }

  async members(teamId: string, operator: Operator): Promise<Member[]> {
    this.mustLead(operator, teamId);
    await this.mustFind(this.db.manager, teamId);
    return this.teams.members(this.db.manager, teamId);
  }

  async addMember(teamId: string, dto: CreateMemberDto, operator: Operator): Promise<Member> {
    this.mustLead(operator, teamId);
    return this.db.transaction(async (manager) => {
      await this.mustFind(manager, teamId);
      const member = { id: dto.id, teamId, name: dto.name, email: dto.email, available: dto.available ?? true };
      if (!(await this.teams.insertMember(manager, member)))
        throw new CaseError(CaseErrorCode.ALREADY_EXISTS, `member ${dto.id} exists`);
      await this.log.record(manager, {
        entity: 'member',
        entityId: dto.id,
        version: 1,
        action: 'created',
        actorId: operator.memberId,
        snapshot: member,
      });
      return { ...member, version: 1 };
    });
  }

  async updateMember(id: string, dto: UpdateMemberDto, operator: Operator): Promise<Member> {
    return this.db.transaction(async (manager) => {
      const current = await this.teams.findMember(manager, id);
      if (!current) throw new CaseError(CaseErrorCode.MEMBER_NOT_FOUND, `no member ${id}`);
      this.mustLead(operator, current.teamId);
      if (dto.teamId && dto.teamId !== current.teamId) {
        if (!isAdmin(operator))
          throw new CaseError(CaseErrorCode.FORBIDDEN, 'only an admin moves a member to another team');
        await this.mustFind(manager, dto.teamId);
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
        actorId: operator.memberId,
        snapshot: updated,
      });
      return updated;
    });
  }

  private mustLead(operator: Operator, teamId: string): void {
    if (!leads(operator, teamId))
      throw new CaseError(CaseErrorCode.FORBIDDEN, `only a lead of ${teamId} or an admin may do this`);
  }

  private async mustFind(manager: EntityManager, id: string): Promise<Team> {
    const team = await this.teams.find(manager, id);
    if (!team) throw new CaseError(CaseErrorCode.TEAM_NOT_FOUND, `no team ${id}`);
    return team;
  }
}

function teamFields(dto: CreateTeamDto): Omit<Team, 'id' | 'version'> {
  const calendar = {
    timeZone: dto.timeZone,
    workingDays: dto.workingDays,
    dayStart: dto.dayStart,
    dayEnd: dto.dayEnd,
    holidays: dto.holidays ?? [],
  };
  validateCalendar(calendar);
  return {
    name: dto.name,
    leadMemberId: dto.leadMemberId ?? null,
    escalationMemberId: dto.escalationMemberId ?? null,
    escalationEmail: dto.escalationEmail ?? null,
    webhookUrl: dto.webhookUrl ?? null,
    calendar,
  };
}

/** Business hours must be usable: a real time zone, at least one working day, a day that ends after it starts. */
export function validateCalendar(calendar: TeamCalendar): void {
  if (!IANAZone.isValidZone(calendar.timeZone))
    throw new CaseError(CaseErrorCode.INVALID_CALENDAR, `timeZone: unknown IANA time zone "${calendar.timeZone}"`, {
      field: 'timeZone',
    });
  if (calendar.workingDays.length === 0)
    throw new CaseError(CaseErrorCode.INVALID_CALENDAR, 'workingDays: at least one working day is needed', {
      field: 'workingDays',
    });
  if (calendar.dayEnd <= calendar.dayStart)
    throw new CaseError(CaseErrorCode.INVALID_CALENDAR, 'dayEnd: must be after dayStart', { field: 'dayEnd' });
}

/** The properties that are set, so a partial update keeps the rest. */
function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
