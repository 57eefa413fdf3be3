import { Injectable } from '@nestjs/common';
import { lockAllForTransaction, SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

export interface ResponseEnrichment {
  tagIds: string[];
  tagsRevision: number;
  comment: string | null;
  commentRevision: number;
}

/** The tags of one tagging of a response. */
export interface ResponseTags {
  responseId: string;
  customerId: string;
  tagIds: string[];
  revision: number;
  language: string;
}

/**
 * Tags and revised comments kept per response, whichever arrives first: a case opened later
 * starts with them, and a case that exists is updated from them.
 */
@Injectable()
export class ResponseEnrichmentRepository {
  constructor(private readonly tables: SchemaTables) {}

  /**
   * Holds, until the transaction ends, the responses whose case and enrichment it reads or writes:
   * a case opening and the tags or comment of its response arriving at once, on another instance or
   * in another transaction, would each miss what the other has not committed yet. Taken first.
   */
  async lockResponses(manager: EntityManager, responseIds: string[]): Promise<void> {
    await lockAllForTransaction(manager, `${this.tables.schema}:response`, responseIds);
  }

  /** The enrichments of several responses in one query, by response id. */
  async findMany(manager: EntityManager, responseIds: string[]): Promise<Map<string, ResponseEnrichment>> {
    const rows: Record<string, never>[] = await manager.query(
      `SELECT * FROM ${this.tables.of('response_enrichments')} WHERE response_id = ANY($1::text[])`,
      [responseIds],
    );
    return new Map(
      rows.map((row) => [
        row.response_id,
        {
          tagIds: row.tag_ids,
          tagsRevision: row.tags_revision,
          comment: row.comment,
          commentRevision: row.comment_revision,
        },
      ]),
    );
  }

  /**
   * Keeps the tags of the newest revision (a re-tag of the same revision replaces them), for
   * several responses in one statement; a response may appear once.
   */
  async saveTags(manager: EntityManager, tags: ResponseTags[]): Promise<void> {
    if (tags.length === 0) return;
    const table = this.tables.of('response_enrichments');
    await manager.query(
      `INSERT INTO ${table} (response_id, customer_id, tag_ids, tags_revision, language)
       SELECT response_id, customer_id, tag_ids, tags_revision, language FROM json_to_recordset($1::json)
         AS t(response_id text, customer_id text, tag_ids text[], tags_revision int, language text)
       ON CONFLICT (response_id) DO UPDATE SET tag_ids = EXCLUDED.tag_ids, tags_revision = EXCLUDED.tags_revision,
         language = EXCLUDED.language
       WHERE ${table}.tags_revision <= EXCLUDED.tags_revision`,
      [
        JSON.stringify(
          tags.map((t) => ({
            response_id: t.responseId,
            customer_id: t.customerId,
            tag_ids: t.tagIds,
            tags_revision: t.revision,
            language: t.language,
          })),
        ),
      ],
    );
  }

  async saveComment(
    manager: EntityManager,
    responseId: string,
    customerId: string,
    comment: string,
    revision: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('response_enrichments')} (response_id, customer_id, comment, comment_revision)
         VALUES ($1, $2, $3, $4)
       ON CONFLICT (response_id) DO UPDATE SET comment = $3, comment_revision = $4
       WHERE ${this.tables.of('response_enrichments')}.comment_revision < $4`,
      [responseId, customerId, comment, revision],
    );
  }
}
