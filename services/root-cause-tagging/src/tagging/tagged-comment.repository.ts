import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { TAGGED_COMMENT_COLUMNS as COLUMNS, type TaggedCommentRecord } from './tagged-comment.record';

const UPDATED = COLUMNS.fields.filter((field) => field !== 'responseId').map((field) => COLUMNS.of(field));

/** The latest tagged comment of each response; every method runs in the caller's transaction. */
@Injectable()
export class TaggedCommentRepository {
  constructor(private readonly tables: SchemaTables) {}

  async find(manager: EntityManager, responseId: string): Promise<TaggedCommentRecord | null> {
    const [row] = await manager.query(`SELECT * FROM ${this.tables.of('tagged_comments')} WHERE response_id = $1`, [
      responseId,
    ]);
    return row ? COLUMNS.toRecord(row) : null;
  }

  /** Which of these responses have a tagged comment stored. */
  async stored(manager: EntityManager, responseIds: string[]): Promise<Set<string>> {
    const rows: { response_id: string }[] = await manager.query(
      `SELECT response_id FROM ${this.tables.of('tagged_comments')} WHERE response_id = ANY($1::text[])`,
      [responseIds],
    );
    return new Set(rows.map((row) => row.response_id));
  }

  /**
   * Inserts or replaces the tagged comments in one statement; a response may appear once. A stored
   * newer revision stays: the answer and its revision travel on two topics, and two instances may
   * apply them at once, each before the other committed.
   */
  async save(manager: EntityManager, comments: TaggedCommentRecord[]): Promise<void> {
    if (comments.length === 0) return;
    // jsonb: as JSON text
    const values = COLUMNS.values(
      comments.map((comment) => ({ ...comment, result: JSON.stringify(comment.result) as never })),
    );
    const table = this.tables.of('tagged_comments');
    await manager.query(
      `INSERT INTO ${table} (${COLUMNS.names()}) VALUES ${values.sql}
       ON CONFLICT (response_id) DO UPDATE SET ${UPDATED.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}
       WHERE ${table}.revision <= EXCLUDED.revision`,
      values.params,
    );
  }

  /** Comments tagged with other versions than these, oldest response first, `limit` at a time; others skip them. */
  async taggedWithOtherVersions(
    manager: EntityManager,
    taxonomyVersion: number,
    modelVersion: number,
    limit: number,
  ): Promise<TaggedCommentRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM ${this.tables.of('tagged_comments')} WHERE (taxonomy_version <> $1 OR model_version <> $2)
       ORDER BY response_id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [taxonomyVersion, modelVersion, limit],
    );
    return rows.map((row) => COLUMNS.toRecord(row));
  }
}
