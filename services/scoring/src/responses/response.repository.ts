import { Injectable } from '@nestjs/common';
import type { NpsCategoryName } from '@nps/contracts';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { type CustomerFactsRow, unknownCustomer } from '../customers/customer-facts';
import type { Contribution } from '../rollups/rollup.delta';
import { type DetractorStatus, emptyResponse, type ResponseState } from './response.state';

interface ResponseRow {
  response_id: string;
  customer_id: string;
  received: boolean;
  revision: number;
  score: number | null;
  category: NpsCategoryName | null;
  comment: string;
  masked_comment: string;
  answered_at: Date | null;
  scored_at: Date | null;
  touchpoint_id: string;
  touchpoint_type: string;
  channel: string;
  language: string;
  segment: string;
  region: string;
  tier: string;
  detractor_status: DetractorStatus;
  tag_revision: number;
  tagged_at: Date | null;
  tags: string[];
  days: string[] | null;
  source: number;
  follow_up_requested: boolean;
  recovery_of_response_id: string;
}

/** A stored response with what the rollups need to know about it. */
export interface StoredResponse {
  state: ResponseState;
  /** The segment, region and tier it is counted under. */
  facts: Pick<CustomerFactsRow, 'segment' | 'region' | 'tier'>;
  tags: string[];
  tagRevision: number;
  taggedAt: Date | null;
  /** Its local answer day per rolled-up zone; null while the answer has not arrived. */
  days: string[] | null;
}

/** What `findMany` is asked per response: a response, its customer, and the instant whose local days are wanted. */
export interface ResponseLookup {
  responseId: string;
  customerId: string;
  at?: Date | null;
}

export interface FoundResponse {
  response: StoredResponse;
  customer: CustomerFactsRow;
  /** The local day of `at` per zone; null without `at`. */
  daysAt: string[] | null;
}

/** A tagging of a response: its tag ids replace the stored ones. */
export interface Tagging {
  responseId: string;
  tagIds: string[];
  revision: number;
  taggedAt: Date;
}

type ResponseFacts = Pick<CustomerFactsRow, 'segment' | 'region' | 'tier'>;

/** Reads and writes the `responses` projection; rows are written with the customer's facts copied in. */
@Injectable()
export class ResponseRepository {
  constructor(private readonly tables: SchemaTables) {}

  /**
   * Each response asked for (empty when unseen), its customer's facts ('' when unknown) and, for
   * `at`, its local day in each of `zones`, in the order asked, in one query. Postgres does every
   * time-zone conversion, here and in bulk loads.
   */
  async findMany(manager: EntityManager, wanted: ResponseLookup[], zones: string[]): Promise<FoundResponse[]> {
    const rows: { response: ResponseRow | null; customer: Record<string, string> | null; days_at: string[] | null }[] =
      await manager.query(
        `SELECT CASE WHEN r.response_id IS NULL THEN NULL ELSE (SELECT row_to_json(x) FROM (SELECT r.*,
           ${this.extras('r', '$4')}) x) END AS response,
              (SELECT row_to_json(c) FROM ${this.tables.of('customers')} c WHERE c.customer_id = coalesce(r.customer_id,
                k.customer_id)) AS customer,
              CASE WHEN k.at IS NULL THEN NULL ELSE ${this.daysOf('k.at', '$4')} END AS days_at
         FROM unnest($1::text[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS k(id, customer_id, at, i)
         LEFT JOIN ${this.tables.of('responses')} r ON r.response_id = k.id
         ORDER BY k.i`,
        [wanted.map((w) => w.responseId), wanted.map((w) => w.customerId), wanted.map((w) => w.at ?? null), zones],
      );
    return rows.map((row, i) => {
      const { responseId, customerId } = wanted[i];
      const customer = row.customer ? customerFrom(row.customer) : unknownCustomer(customerId);
      const response = row.response
        ? storedFrom(row.response)
        : {
            state: emptyResponse(responseId, customerId),
            facts: customer,
            tags: [],
            tagRevision: -1,
            taggedAt: null,
            days: null,
          };
      return { response, customer, daysAt: row.days_at };
    });
  }

  /** Every response of the customer, locked by the caller's customer lock. */
  async ofCustomer(manager: EntityManager, customerId: string, zones: string[]): Promise<StoredResponse[]> {
    const rows: { response: ResponseRow }[] = await manager.query(
      `SELECT row_to_json(x) AS response FROM (SELECT r.*, ${this.extras('r', '$2')} FROM ${this.tables.of('responses')}
         r WHERE r.customer_id = $1) x`,
      [customerId, zones],
    );
    return rows.map((row) => storedFrom(row.response));
  }

  /** Inserts or replaces the response rows, each counted under its `facts`; a response may appear once. */
  async saveMany(manager: EntityManager, rows: Array<{ state: ResponseState; facts: ResponseFacts }>): Promise<void> {
    if (rows.length === 0) return;
    // The rows go as one JSON array read with the table's own row type, so every column keeps its type.
    const json = rows.map(({ state: r, facts }) => ({
      response_id: r.responseId,
      customer_id: r.customerId,
      received: r.received,
      revision: r.revision,
      score: r.score,
      category: r.category,
      comment: r.comment,
      answered_at: r.answeredAt,
      scored_at: r.scoredAt,
      touchpoint_id: r.touchpointId,
      touchpoint_type: r.touchpointType,
      channel: r.channel,
      language: r.language,
      segment: facts.segment,
      region: facts.region,
      tier: facts.tier,
      detractor_status: r.detractorStatus,
      source: r.origin.source,
      follow_up_requested: r.origin.followUpRequested,
      recovery_of_response_id: r.origin.recoveryOfResponseId,
      masked_comment: r.maskedComment,
    }));
    const columns = Object.keys(json[0]).join(', ');
    const updates = Object.keys(json[0])
      .filter((column) => column !== 'response_id')
      .map((column) => `${column} = EXCLUDED.${column}`)
      .join(', ');
    await manager.query(
      `INSERT INTO ${this.tables.of('responses')} AS t (${columns})
       SELECT ${columns} FROM json_populate_recordset(NULL::${this.tables.of('responses')}, $1::json)
       ON CONFLICT (response_id) DO UPDATE SET ${updates}`,
      [JSON.stringify(json)],
    );
  }

  /** Counts every response of the customer under new facts. */
  async moveCustomer(
    manager: EntityManager,
    facts: Pick<CustomerFactsRow, 'customerId' | 'segment' | 'region' | 'tier'>,
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.tables.of('responses')} SET segment = $2, region = $3, tier = $4 WHERE customer_id = $1`,
      [facts.customerId, facts.segment, facts.region, facts.tier],
    );
  }

  /** Replaces the root-cause tags of each response with those of a newer tagging; a response may appear once. */
  async replaceTags(manager: EntityManager, taggings: Tagging[]): Promise<void> {
    if (taggings.length === 0) return;
    await manager.query(
      `WITH k AS (SELECT * FROM json_to_recordset($1::json) AS k(response_id text, tags text[], revision int,
                    tagged_at timestamptz)),
            gone AS (DELETE FROM ${this.tables.of('response_tags')} g USING k
                     WHERE g.response_id = k.response_id AND NOT (g.tag_id = ANY(k.tags))),
            added AS (INSERT INTO ${this.tables.of('response_tags')} (response_id, tag_id)
                      SELECT k.response_id, unnest(k.tags) FROM k ON CONFLICT DO NOTHING)
       UPDATE ${this.tables.of('responses')} r SET tag_revision = k.revision, tagged_at = k.tagged_at
       FROM k WHERE r.response_id = k.response_id`,
      [
        JSON.stringify(
          taggings.map((t) => ({
            response_id: t.responseId,
            tags: t.tagIds,
            revision: t.revision,
            tagged_at: t.taggedAt,
          })),
        ),
      ],
    );
  }

  private extras(alias: string, zones: string): string {
    return `array(SELECT g.tag_id FROM ${this.tables.of('response_tags')} g WHERE g.response_id = ${alias}.response_id
      ORDER BY g.tag_id) AS tags,
      CASE WHEN ${alias}.answered_at IS NULL THEN NULL ELSE ${this.daysOf(`${alias}.answered_at`, zones)} END AS days`;
  }

  private daysOf(timestamp: string, zones: string): string {
    return `array(SELECT to_char(${timestamp} AT TIME ZONE z.zone, 'YYYY-MM-DD') FROM unnest(${zones}::text[]) WITH
      ORDINALITY AS z(zone, i) ORDER BY z.i)`;
  }
}

/** What a stored response contributes to the rollups now; null when it is not counted. */
export function contributionOf(
  response: StoredResponse,
  facts = response.facts,
  tags = response.tags,
  days = response.days,
): Contribution | null {
  const { state } = response;
  if (!state.received || !state.category || !days) return null;
  return {
    category: state.category,
    days,
    dimensions: {
      touchpointType: state.touchpointType,
      channel: state.channel,
      segment: facts.segment,
      region: facts.region,
      tier: facts.tier,
      language: state.language,
    },
    tags,
  };
}

function storedFrom(row: ResponseRow): StoredResponse {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    state: {
      responseId: row.response_id,
      customerId: row.customer_id,
      received: row.received,
      revision: row.revision,
      score: row.score,
      category: row.category,
      comment: row.comment,
      maskedComment: row.masked_comment,
      answeredAt: date(row.answered_at),
      scoredAt: date(row.scored_at),
      touchpointId: row.touchpoint_id,
      touchpointType: row.touchpoint_type,
      channel: row.channel,
      language: row.language,
      detractorStatus: row.detractor_status,
      origin: {
        source: row.source,
        followUpRequested: row.follow_up_requested,
        recoveryOfResponseId: row.recovery_of_response_id,
      },
    },
    facts: { segment: row.segment, region: row.region, tier: row.tier },
    tags: row.tags,
    tagRevision: row.tag_revision,
    taggedAt: date(row.tagged_at),
    days: row.days,
  };
}

function customerFrom(row: Record<string, string>): CustomerFactsRow {
  return {
    customerId: row.customer_id,
    language: row.language,
    segment: row.segment,
    region: row.region,
    tier: row.tier,
    accountOwnerId: row.account_owner_id,
    accountId: row.account_id ?? '',
    factsAt: new Date(row.facts_at),
  };
}
