import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { ImprovementActionRecord, ImprovementActionStatus } from './improvement-action.record';

interface Row {
  id: string;
  title: string;
  root_cause_tag_id: string;
  touchpoint_type: string | null;
  segment: string | null;
  owner_id: string;
  status: ImprovementActionStatus;
  released_at: Date | null;
  closed_at: Date | null;
  close_note: string | null;
  opened_by: string;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (row: Row): ImprovementActionRecord => ({
  id: row.id,
  title: row.title,
  rootCauseTagId: row.root_cause_tag_id,
  touchpointType: row.touchpoint_type,
  segment: row.segment,
  ownerId: row.owner_id,
  status: row.status,
  releasedAt: row.released_at,
  closedAt: row.closed_at,
  closeNote: row.close_note,
  openedBy: row.opened_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Improvement actions and the cases linked to them. */
@Injectable()
export class ImprovementActionRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get actions(): string {
    return this.tables.of('improvement_actions');
  }

  private get links(): string {
    return this.tables.of('improvement_action_cases');
  }

  async insert(manager: EntityManager, action: ImprovementActionRecord): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.actions} (id, title, root_cause_tag_id, touchpoint_type, segment, owner_id, status,
         released_at, closed_at, close_note, opened_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        action.id,
        action.title,
        action.rootCauseTagId,
        action.touchpointType,
        action.segment,
        action.ownerId,
        action.status,
        action.releasedAt,
        action.closedAt,
        action.closeNote,
        action.openedBy,
        action.createdAt,
        action.updatedAt,
      ],
    );
  }

  /** Writes the state that changes after opening: status, release and close. */
  async saveState(manager: EntityManager, action: ImprovementActionRecord): Promise<void> {
    await manager.query(
      `UPDATE ${this.actions} SET status = $2, released_at = $3, closed_at = $4, close_note = $5, updated_at = $6
       WHERE id = $1`,
      [action.id, action.status, action.releasedAt, action.closedAt, action.closeNote, action.updatedAt],
    );
  }

  /** The action; `lock` holds it for the transaction so concurrent transitions apply one after the other. */
  async find(manager: EntityManager, id: string, lock = false): Promise<ImprovementActionRecord | null> {
    const [row] = await manager.query(`SELECT * FROM ${this.actions} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toRecord(row) : null;
  }

  async list(
    manager: EntityManager,
    filter: { status?: ImprovementActionStatus; rootCauseTagId?: string },
  ): Promise<ImprovementActionRecord[]> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM ${this.actions}
       WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR root_cause_tag_id = $2)
       ORDER BY created_at DESC, id`,
      [filter.status ?? null, filter.rootCauseTagId ?? null],
    );
    return rows.map(toRecord);
  }

  async caseIds(manager: EntityManager, id: string): Promise<string[]> {
    const rows: { case_id: string }[] = await manager.query(
      `SELECT case_id FROM ${this.links} WHERE improvement_action_id = $1 ORDER BY linked_at, case_id`,
      [id],
    );
    return rows.map((row) => row.case_id);
  }

  /** Of `caseIds`, those no case has. */
  async unknownCases(manager: EntityManager, caseIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM unnest($1::uuid[]) AS wanted(id)
       WHERE NOT EXISTS (SELECT 1 FROM ${this.tables.of('cases')} c WHERE c.id = wanted.id) ORDER BY id`,
      [caseIds],
    );
    return rows.map((row) => row.id);
  }

  /** Links the cases; those already linked stay as they were. Returns the ids newly linked. */
  async link(manager: EntityManager, id: string, caseIds: string[], actorId: string): Promise<string[]> {
    const rows: { case_id: string }[] = await manager.query(
      `INSERT INTO ${this.links} (improvement_action_id, case_id, linked_by)
       SELECT $1, case_id, $3 FROM unnest($2::uuid[]) AS wanted(case_id)
       ON CONFLICT DO NOTHING RETURNING case_id`,
      [id, [...new Set(caseIds)], actorId],
    );
    return rows.map((row) => row.case_id);
  }
}
