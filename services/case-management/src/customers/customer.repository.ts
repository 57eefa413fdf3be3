import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

/** A score of the customer, as `response scored` carried it. */
export interface CustomerScore {
  responseId: string;
  revision: number;
  customerId: string;
  score: number;
  answeredAt: Date | null;
}

export interface CustomerFactsRow {
  customerId: string;
  name: string;
  language: string;
  segment: string;
  region: string;
  tier: string;
  accountOwnerId: string;
  /** The customer organisation (B2B account) or ''. */
  accountId: string;
  attributes: Record<string, string>;
}

/**
 * The local projection of nps.customer.upserted.v1 and nps.response.scored.v1, for routing fallbacks and the customer
 * story.
 */
@Injectable()
export class CustomerRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** Keeps the newest facts per customer: an older event arriving late changes nothing. */
  async upsert(manager: EntityManager, facts: CustomerFactsRow, occurredAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('customers')} (customer_id, name, language, segment, region, tier, account_owner_id,
         attributes, occurred_at, account_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (customer_id) DO UPDATE SET name = $2, language = $3, segment = $4, region = $5, tier = $6,
         account_owner_id = $7, attributes = $8, occurred_at = $9, account_id = $10
       WHERE ${this.tables.of('customers')}.occurred_at <= $9`,
      [
        facts.customerId,
        facts.name,
        facts.language,
        facts.segment,
        facts.region,
        facts.tier,
        facts.accountOwnerId,
        JSON.stringify(facts.attributes),
        occurredAt,
        facts.accountId,
      ],
    );
  }

  async find(manager: EntityManager, customerId: string): Promise<CustomerFactsRow | null> {
    return (await this.findMany(manager, [customerId])).get(customerId) ?? null;
  }

  /** The facts of several customers in one query, by customer id (a customer not projected yet is absent). */
  async findMany(manager: EntityManager, customerIds: string[]): Promise<Map<string, CustomerFactsRow>> {
    const rows: Record<string, never>[] = await manager.query(
      `SELECT * FROM ${this.tables.of('customers')} WHERE customer_id = ANY($1::text[])`,
      [customerIds],
    );
    return new Map(rows.map((row) => [row.customer_id, toFacts(row)]));
  }

  /** Records scores for the customer story; a revision already recorded is kept as it is. */
  async recordScores(manager: EntityManager, scores: CustomerScore[]): Promise<void> {
    if (scores.length === 0) return;
    await manager.query(
      `INSERT INTO ${this.tables.of('customer_scores')} (response_id, revision, customer_id, score, answered_at)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::timestamptz[]) ON CONFLICT DO NOTHING`,
      [
        scores.map((s) => s.responseId),
        scores.map((s) => s.revision),
        scores.map((s) => s.customerId),
        scores.map((s) => s.score),
        scores.map((s) => s.answeredAt),
      ],
    );
  }

  async scores(
    manager: EntityManager,
    customerId: string,
  ): Promise<{ responseId: string; revision: number; score: number; answeredAt: Date | null }[]> {
    const rows = await manager.query(
      `SELECT response_id, revision, score, answered_at FROM ${this.tables.of('customer_scores')} WHERE customer_id = $1
         ORDER BY answered_at NULLS LAST, response_id, revision`,
      [customerId],
    );
    return rows.map((row: Record<string, unknown>) => ({
      responseId: row.response_id as string,
      revision: row.revision as number,
      score: row.score as number,
      answeredAt: (row.answered_at as Date | null) ?? null,
    }));
  }
}

function toFacts(row: Record<string, never>): CustomerFactsRow {
  return {
    customerId: row.customer_id,
    name: row.name,
    language: row.language,
    segment: row.segment,
    region: row.region,
    tier: row.tier,
    accountOwnerId: row.account_owner_id,
    accountId: row.account_id,
    attributes: row.attributes,
  };
}
