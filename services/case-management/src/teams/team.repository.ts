import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { Member, Team } from './team';

type Row = Record<string, unknown>;

/** Teams and members: queries only. */
@Injectable()
export class TeamRepository {
  constructor(private readonly tables: SchemaTables) {}

  async find(manager: EntityManager, id: string): Promise<Team | null> {
    const [row] = await manager.query(`SELECT * FROM ${this.tables.of('teams')} WHERE id = $1`, [id]);
    return row ? toTeam(row) : null;
  }

  async list(manager: EntityManager): Promise<Team[]> {
    return (await manager.query(`SELECT * FROM ${this.tables.of('teams')} ORDER BY id`)).map(toTeam);
  }

  async insert(manager: EntityManager, team: Omit<Team, 'version'>): Promise<boolean> {
    const inserted = await manager.query(
      `INSERT INTO ${this.tables.of('teams')} (id, name, lead_member_id, escalation_member_id, escalation_email,
         time_zone, working_days, day_start, day_end, holidays, webhook_url, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING id`,
      teamParams(team),
    );
    return inserted.length === 1;
  }

  async update(manager: EntityManager, team: Omit<Team, 'version'>): Promise<Team> {
    const [row] = await manager.query(
      `WITH updated AS (UPDATE ${this.tables.of('teams')} SET name = $2, lead_member_id = $3, escalation_member_id = $4,
         escalation_email = $5, time_zone = $6,
         working_days = $7, day_start = $8, day_end = $9, holidays = $10, webhook_url = $11, language = $12,
         version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING *) SELECT * FROM updated`,
      teamParams(team),
    );
    return toTeam(row);
  }

  async findMember(manager: EntityManager, id: string): Promise<Member | null> {
    const [row] = await manager.query(`SELECT * FROM ${this.tables.of('members')} WHERE id = $1`, [id]);
    return row ? toMember(row) : null;
  }

  async members(manager: EntityManager, teamId: string): Promise<Member[]> {
    return (
      await manager.query(`SELECT * FROM ${this.tables.of('members')} WHERE team_id = $1 ORDER BY id`, [teamId])
    ).map(toMember);
  }

  async insertMember(manager: EntityManager, member: Omit<Member, 'version'>): Promise<boolean> {
    const inserted = await manager.query(
      `INSERT INTO ${this.tables.of('members')} (id, team_id, name, email, available) VALUES ($1, $2, $3, $4, $5) ON
         CONFLICT (id) DO NOTHING RETURNING id`,
      [member.id, member.teamId, member.name, member.email, member.available],
    );
    return inserted.length === 1;
  }

  async updateMember(manager: EntityManager, member: Omit<Member, 'version'>): Promise<Member> {
    const [row] = await manager.query(
      `WITH updated AS (UPDATE ${this.tables.of('members')} SET team_id = $2, name = $3, email = $4, available = $5,
         version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING *) SELECT * FROM updated`,
      [member.id, member.teamId, member.name, member.email, member.available],
    );
    return toMember(row);
  }
}

function teamParams(team: Omit<Team, 'version'>): unknown[] {
  const c = team.calendar;
  return [
    team.id,
    team.name,
    team.leadMemberId,
    team.escalationMemberId,
    team.escalationEmail,
    c.timeZone,
    c.workingDays,
    c.dayStart,
    c.dayEnd,
    c.holidays,
    team.webhookUrl,
    team.language,
  ];
}

function toTeam(row: Row): Team {
  return {
    id: row.id as string,
    name: row.name as string,
    leadMemberId: (row.lead_member_id as string | null) ?? null,
    escalationMemberId: (row.escalation_member_id as string | null) ?? null,
    escalationEmail: (row.escalation_email as string | null) ?? null,
    calendar: {
      timeZone: row.time_zone as string,
      workingDays: (row.working_days as number[]).map(Number),
      dayStart: row.day_start as string,
      dayEnd: row.day_end as string,
      holidays: row.holidays as string[],
    },
    webhookUrl: (row.webhook_url as string | null) ?? null,
    language: row.language as string,
    version: row.version as number,
  };
}

export function toMember(row: Row): Member {
  return {
    id: row.id as string,
    teamId: row.team_id as string,
    name: row.name as string,
    email: row.email as string,
    available: row.available as boolean,
    version: row.version as number,
  };
}
