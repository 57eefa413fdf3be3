import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { ConfirmedExample } from '../model/model.trainer';
import { isTaggedLanguage } from '../text/language';
import { CONFIRMED_ROOT_CAUSE_COLUMNS as COLUMNS, type ConfirmedRootCauseRecord } from './confirmed-root-cause.record';

const UPDATED = COLUMNS.fields.filter((field) => field !== 'responseId').map((field) => COLUMNS.of(field));

/** Root causes confirmed at case resolution, and the labelled examples they make with our tagged comments. */
@Injectable()
export class ConfirmedExampleRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** Keeps the root cause confirmed last for the response. */
  async confirm(manager: EntityManager, confirmed: ConfirmedRootCauseRecord): Promise<void> {
    const values = COLUMNS.values([confirmed]);
    await manager.query(
      `INSERT INTO ${this.tables.of('confirmed_root_causes')} (${COLUMNS.names()}) VALUES ${values.sql}
       ON CONFLICT (response_id) DO UPDATE SET ${UPDATED.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`,
      values.params,
    );
  }

  /** Confirmed root causes of comments we tagged in one of our languages: the labelled examples of the loop. */
  async all(manager: EntityManager): Promise<ConfirmedExample[]> {
    const rows: { responseId: string; tagId: string; text: string; language: string }[] = await manager.query(
      `SELECT r.response_id AS "responseId", r.tag_id AS "tagId", c.comment AS "text", c.language AS "language"
       FROM ${this.tables.of('confirmed_root_causes')} r
       INNER JOIN ${this.tables.of('tagged_comments')} c ON c.response_id = r.response_id
       ORDER BY r.response_id`,
    );
    return rows.flatMap((row) =>
      isTaggedLanguage(row.language) && row.text.trim() !== '' ? [{ ...row, language: row.language }] : [],
    );
  }
}
