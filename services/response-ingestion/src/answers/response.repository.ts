import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { ResponseRecord } from './answer.types';

/** Where an imported row came from, kept next to the response for the import report. */
export interface ImportOrigin {
  importId: string;
  line: number;
}

/** The `responses` table: the latest revision of every accepted answer. */
@Injectable()
export class ResponseRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('responses');
  }

  async insert(manager: EntityManager, record: ResponseRecord): Promise<void> {
    await this.insertIfAbsent(manager, [record]);
  }

  /** Inserts the records whose response id is new; returns the ids it inserted. */
  async insertIfAbsent(
    manager: EntityManager,
    records: ResponseRecord[],
    origins?: ImportOrigin[],
  ): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const column = <T>(pick: (record: ResponseRecord, index: number) => T) => records.map(pick);
    const rows: { response_id: string }[] = await manager.query(
      `INSERT INTO ${this.table} (response_id, customer_id, survey_request_id, touchpoint_id, touchpoint_type, channel,
         language, source, score, comment, answered_at, import_id, import_line)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[],
         $8::int[], $9::smallint[], $10::text[], $11::timestamptz[], $12::text[], $13::int[])
       ON CONFLICT (response_id) DO NOTHING
       RETURNING response_id`,
      [
        column((r) => r.responseId),
        column((r) => r.customerId),
        column((r) => r.surveyRequestId || null),
        column((r) => r.touchpointId),
        column((r) => r.touchpointType),
        column((r) => r.channel),
        column((r) => r.language),
        column((r) => r.source),
        column((r) => r.score),
        column((r) => r.comment),
        column((r) => r.answeredAt.toISOString()),
        column((_r, i) => origins?.[i].importId ?? null),
        column((_r, i) => origins?.[i].line ?? null),
      ],
    );
    return new Set(rows.map((row) => row.response_id));
  }

  async revise(
    manager: EntityManager,
    responseId: string,
    change: { revision: number; score: number; comment: string; revisedAt: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET revision = $2, score = $3, comment = $4, revised_at = $5 WHERE response_id = $1`,
      [responseId, change.revision, change.score, change.comment, change.revisedAt.toISOString()],
    );
  }

  async find(
    manager: EntityManager,
    responseId: string,
  ): Promise<{ customerId: string; score: number; comment: string; revision: number } | undefined> {
    const [row] = await manager.query(
      `SELECT customer_id, score, comment, revision FROM ${this.table} WHERE response_id = $1`,
      [responseId],
    );
    return row
      ? { customerId: row.customer_id, score: row.score, comment: row.comment, revision: row.revision }
      : undefined;
  }
}
