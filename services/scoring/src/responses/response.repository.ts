import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { type CustomerFactsRow, unknownCustomer } from '../customers/customer-facts';
import type { NpsCategory } from '../nps/nps.calculator';
import type { Contribution } from '../rollups/rollup.delta';
import { type DetractorStatus, emptyResponse, type ResponseState } from './response.state';

interface ResponseRow {
  response_id: string;
  customer_id: string;
  received: boolean;
  revision: number;
  score: number | null;
  category: NpsCategory | null;
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

/** Reads and writes the `responses` projection; rows are written with the customer's facts copied in. */
@Injectable()
export class ResponseRepository {
  constructor(private readonly tables: SchemaTables) {}

  /**
   * The response (empty when unseen), its customer's facts ('' when unknown) and, for `at`, its
   * local day in each of `zones`; Postgres does every time-zone conversion, here and in bulk loads.
   */
  async find(
    manager: EntityManager,
    responseId: string,
    customerId: string,
    zones: string[],
    at: Date | null = null,
  ): Promise<{ response: StoredResponse; customer: CustomerFactsRow; daysAt: string[] | null }> {
    const [row]: { response: ResponseRow | null; customer: Record<string, string> | null; days_at: string[] | null }[] =
      await manager.query(
        `SELECT CASE WHEN r.response_id IS NULL THEN NULL ELSE (SELECT row_to_json(x) FROM (SELECT r.*,
           ${this.extras('r', '$3')}) x) END AS response,
              (SELECT row_to_json(c) FROM ${this.tables.of('customers')} c WHERE c.customer_id = coalesce(r.customer_id,
                $2)) AS customer,
              CASE WHEN $4::timestamptz IS NULL THEN NULL ELSE ${this.daysOf('$4::timestamptz', '$3')} END AS days_at
       FROM (SELECT $1::text AS id) k LEFT JOIN ${this.tables.of('responses')} r ON r.response_id = k.id`,
        [responseId, customerId, zones, at],
      );
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

  /** Inserts or replaces the response row, counted under `facts`. */
  async save(
    manager: EntityManager,
    r: ResponseState,
    facts: Pick<CustomerFactsRow, 'segment' | 'region' | 'tier'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('responses')} AS t (response_id, customer_id, received, revision, score, category,
         comment, answered_at, scored_at,
         touchpoint_id, touchpoint_type, channel, language, segment, region, tier, detractor_status,
         source, follow_up_requested, recovery_of_response_id, masked_comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
       ON CONFLICT (response_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, received = EXCLUDED.received,
         revision = EXCLUDED.revision,
         score = EXCLUDED.score, category = EXCLUDED.category, comment = EXCLUDED.comment, answered_at =
           EXCLUDED.answered_at,
         scored_at = EXCLUDED.scored_at, touchpoint_id = EXCLUDED.touchpoint_id, touchpoint_type =
           EXCLUDED.touchpoint_type,
         channel = EXCLUDED.channel, language = EXCLUDED.language, segment = EXCLUDED.segment, region = EXCLUDED.region,
         tier = EXCLUDED.tier, detractor_status = EXCLUDED.detractor_status, source = EXCLUDED.source,
         follow_up_requested = EXCLUDED.follow_up_requested,
         recovery_of_response_id = EXCLUDED.recovery_of_response_id, masked_comment = EXCLUDED.masked_comment`,
      [
        r.responseId,
        r.customerId,
        r.received,
        r.revision,
        r.score,
        r.category,
        r.comment,
        r.answeredAt,
        r.scoredAt,
        r.touchpointId,
        r.touchpointType,
        r.channel,
        r.language,
        facts.segment,
        facts.region,
        facts.tier,
        r.detractorStatus,
        r.origin.source,
        r.origin.followUpRequested,
        r.origin.recoveryOfResponseId,
        r.maskedComment,
      ],
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

  /** Replaces the response's root-cause tags with those of a newer tagging. */
  async replaceTags(
    manager: EntityManager,
    responseId: string,
    tagIds: string[],
    revision: number,
    taggedAt: Date,
  ): Promise<void> {
    await manager.query(
      `WITH gone AS (DELETE FROM ${this.tables.of('response_tags')} WHERE response_id = $1 AND NOT (tag_id =
         ANY($2::text[]))),
            added AS (INSERT INTO ${this.tables.of('response_tags')} (response_id, tag_id) SELECT $1, unnest($2::text[])
              ON CONFLICT DO NOTHING)
       UPDATE ${this.tables.of('responses')} SET tag_revision = $3, tagged_at = $4 WHERE response_id = $1`,
      [responseId, tagIds, revision, taggedAt],
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
