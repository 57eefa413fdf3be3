import { Injectable } from '@nestjs/common';
import { lockForTransaction, SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { MemberLoad } from '../routing/owner.picker';
import type { CaseActivityKind } from './case-activity.kinds';
import { CASE_FIELDS, type CaseRecord, columnOf, toCaseRecord } from './case.record';

/** The two deadlines of a case, each escalated at most once. */
export type Deadline = 'firstContact' | 'resolution';
const ESCALATED_AT: Record<Deadline, string> = {
  firstContact: 'first_contact_escalated_at',
  resolution: 'resolution_escalated_at',
};

/** An open case past a deadline not yet escalated, as the database clock saw it. */
export interface BreachedCase {
  record: CaseRecord;
  escalated: Record<Deadline, boolean>;
  now: Date;
}

const MUTABLE = CASE_FIELDS.filter(
  (field) => !['id', 'responseId', 'customerId', 'openedAt', 'updatedAt'].includes(field),
);

/** Cases, their activity and the per-team routing lock: queries only. */
@Injectable()
export class CaseRepository {
  constructor(private readonly tables: SchemaTables) {}

  async find(manager: EntityManager, id: string, forUpdate = false): Promise<CaseRecord | null> {
    const [row] = await manager.query(
      `SELECT * FROM ${this.tables.of('cases')} WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toCaseRecord(row) : null;
  }

  async findByResponse(manager: EntityManager, responseId: string, forUpdate = false): Promise<CaseRecord | null> {
    return (await this.findByResponses(manager, [responseId], forUpdate)).get(responseId) ?? null;
  }

  /** findByResponse for several responses in one query: the cases found, by response id. */
  async findByResponses(
    manager: EntityManager,
    responseIds: string[],
    forUpdate = false,
  ): Promise<Map<string, CaseRecord>> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM ${this.tables.of('cases')} WHERE response_id = ANY($1::text[]) ORDER BY response_id
       ${forUpdate ? 'FOR UPDATE' : ''}`,
      [responseIds],
    );
    return new Map(rows.map((row) => [row.response_id as string, toCaseRecord(row as never)]));
  }

  /**
   * Inserts cases in one statement (a batch of detractors), each unless its response already has one (another
   * instance, another event id); resolves with the response ids whose case was inserted.
   */
  async insertMany(manager: EntityManager, records: readonly CaseRecord[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const columns = CASE_FIELDS.map(columnOf).join(', ');
    const rows: { response_id: string }[] = await manager.query(
      `INSERT INTO ${this.tables.of('cases')} (${columns})
       SELECT ${columns} FROM jsonb_populate_recordset(null::${this.tables.of('cases')}, $1::jsonb)
       ON CONFLICT (response_id) DO NOTHING RETURNING response_id`,
      [JSON.stringify(records.map((record) => Object.fromEntries(CASE_FIELDS.map((f) => [columnOf(f), record[f]]))))],
    );
    return new Set(rows.map((row) => row.response_id));
  }

  async save(manager: EntityManager, record: CaseRecord): Promise<void> {
    await manager.query(
      `UPDATE ${this.tables.of('cases')} SET ${MUTABLE.map((field, i) => `${columnOf(field)} = $${i + 2}`).join(', ')},
         updated_at = now() WHERE id = $1`,
      [record.id, ...MUTABLE.map((field) => record[field])],
    );
  }

  /**
   * Serialises assignment within a team across all instances until the transaction ends, so two
   * instances never both read the same loads and both pick the same least-loaded member.
   */
  async lockTeamForAssignment(manager: EntityManager, teamId: string): Promise<void> {
    await lockForTransaction(manager, `${this.tables.schema}:team-assignment`, teamId);
  }

  /**
   * Every member of the team with their open (open or in progress) cases: a counter, so the locked section stays short.
   */
  async memberLoads(manager: EntityManager, teamId: string): Promise<(MemberLoad & { name: string; email: string })[]> {
    const rows = await manager.query(
      `SELECT id, name, email, available, last_assigned_at, open_cases FROM ${this.tables.of('members')} WHERE team_id =
         $1 ORDER BY id`,
      [teamId],
    );
    return rows.map((row: Record<string, unknown>) => ({
      id: row.id as string,
      name: row.name as string,
      email: row.email as string,
      available: row.available as boolean,
      openCases: row.open_cases as number,
      lastAssignedAt: (row.last_assigned_at as Date | null) ?? null,
    }));
  }

  /** A member gains (+1) or loses (-1) an open case: assignment, reassignment, resolution, reopening. */
  async adjustLoad(manager: EntityManager, memberId: string | null, delta: 1 | -1): Promise<void> {
    if (!memberId) return;
    await manager.query(`UPDATE ${this.tables.of('members')} SET open_cases = open_cases + $2 WHERE id = $1`, [
      memberId,
      delta,
    ]);
  }

  /**
   * The routing results of new cases in one statement: their owners, the owners' turns and the
   * activity entries. A member's turn is the order of their last case here, after every earlier
   * turn (the team's assignment lock is held, so those committed before this statement began).
   */
  async recordAssignments(
    manager: EntityManager,
    assigned: { c: CaseRecord; activities: { kind: CaseActivityKind; detail: object }[] }[],
  ): Promise<void> {
    if (assigned.length === 0) return;
    // Each owner's count of cases, in the order of their last case here.
    const turns = new Map<string, number>();
    for (const { c } of assigned) {
      if (!c.ownerId) continue;
      const cases = (turns.get(c.ownerId) ?? 0) + 1;
      turns.delete(c.ownerId);
      turns.set(c.ownerId, cases);
    }
    const activities = assigned.flatMap(({ c, activities }) => activities.map((a) => ({ caseId: c.id, ...a })));
    await manager.query(
      `WITH assigned AS (
         UPDATE ${this.tables.of('cases')} c SET owner_id = a.owner_id, assignment_reason = a.reason,
           assignment_detail = a.detail
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS a(id, owner_id, reason, detail)
         WHERE c.id = a.id),
       turns AS (
         UPDATE ${this.tables.of('members')} m SET open_cases = open_cases + t.n,
           last_assigned_at = statement_timestamp() + t.turn * interval '1 microsecond'
         FROM unnest($5::text[], $6::int[]) WITH ORDINALITY AS t(id, n, turn) WHERE m.id = t.id)
       INSERT INTO ${this.tables.of('case_activities')} (case_id, kind, detail)
       SELECT case_id, kind, detail FROM unnest($7::uuid[], $8::text[], $9::jsonb[]) WITH ORDINALITY AS
         a(case_id, kind, detail, n) ORDER BY n`,
      [
        assigned.map(({ c }) => c.id),
        assigned.map(({ c }) => c.ownerId),
        assigned.map(({ c }) => c.assignmentReason),
        assigned.map(({ c }) => c.assignmentDetail),
        [...turns.keys()],
        [...turns.values()],
        activities.map((a) => a.caseId),
        activities.map((a) => a.kind),
        activities.map((a) => JSON.stringify(a.detail)),
      ],
    );
  }

  /**
   * The tags of many cases, and a `tags_changed` activity for each change, in one statement (a batch of
   * `response tagged`): the other columns are as they were read.
   */
  async saveTags(
    manager: EntityManager,
    cases: readonly CaseRecord[],
    changes: readonly { caseId: string; detail: object }[],
  ): Promise<void> {
    if (cases.length === 0) return;
    await manager.query(
      `WITH tagged AS (
         UPDATE ${this.tables.of('cases')} c
         SET tag_ids = t.tag_ids, tags_revision = t.tags_revision, updated_at = now()
         FROM json_to_recordset($1::json) AS t(id uuid, tag_ids text[], tags_revision int)
         WHERE c.id = t.id)
       INSERT INTO ${this.tables.of('case_activities')} (case_id, actor_id, kind, detail)
       SELECT case_id, '', $4, detail FROM unnest($2::uuid[], $3::jsonb[]) WITH ORDINALITY AS a(case_id, detail, n)
       ORDER BY n`,
      [
        JSON.stringify(cases.map((c) => ({ id: c.id, tag_ids: c.tagIds, tags_revision: c.tagsRevision }))),
        changes.map((change) => change.caseId),
        changes.map((change) => JSON.stringify(change.detail)),
        'tags_changed' satisfies CaseActivityKind,
      ],
    );
  }

  async addActivity(
    manager: EntityManager,
    caseId: string,
    actorId: string,
    kind: CaseActivityKind,
    detail: object = {},
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('case_activities')} (case_id, actor_id, kind, detail) VALUES ($1, $2, $3, $4)`,
      [caseId, actorId, kind, JSON.stringify(detail)],
    );
  }

  async activities(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ at: Date; actorId: string; kind: string; detail: object }[]> {
    const rows = await manager.query(
      `SELECT at, actor_id, kind, detail FROM ${this.tables.of('case_activities')} WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
    return rows.map((row: Record<string, unknown>) => ({
      at: row.at as Date,
      actorId: row.actor_id as string,
      kind: row.kind as string,
      detail: row.detail as object,
    }));
  }

  /** Up to `limit` breached cases, locked for this transaction; other instances skip them. */
  async lockBreached(manager: EntityManager, limit: number): Promise<BreachedCase[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT *, now() AS db_now FROM ${this.tables.of('cases')}
       WHERE status IN ('open', 'in_progress')
         AND ((first_contacted_at IS NULL AND first_contact_due_at < now() AND first_contact_escalated_at IS NULL)
              OR (resolution_due_at < now() AND resolution_escalated_at IS NULL))
       ORDER BY LEAST(first_contact_due_at, resolution_due_at), id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    );
    return rows.map((row) => ({
      record: toCaseRecord(row),
      escalated: { firstContact: !!row.first_contact_escalated_at, resolution: !!row.resolution_escalated_at },
      now: row.db_now as Date,
    }));
  }

  /** Marks one deadline of the case escalated and raises its escalation level; returns the new level. */
  async markEscalated(manager: EntityManager, caseId: string, deadline: Deadline): Promise<number> {
    const [{ escalation_level: level }] = await manager.query(
      `WITH escalated AS (
         UPDATE ${this.tables.of('cases')}
         SET escalation_level = escalation_level + 1, ${ESCALATED_AT[deadline]} = now(), updated_at = now()
         WHERE id = $1 RETURNING escalation_level)
       SELECT escalation_level FROM escalated`,
      [caseId],
    );
    return level as number;
  }
}
