import { Injectable } from '@nestjs/common';
import { lockAllForTransaction, SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { CustomerFactsRow } from './customer-facts';

/** The local projection of `customer upserted`: the newest facts per customer. */
@Injectable()
export class CustomerRepository {
  constructor(private readonly tables: SchemaTables) {}

  /**
   * Serialises, per customer, the transactions that change the customer's responses or facts:
   * responses are stored with the customer's facts copied in, so a facts update and a new answer
   * of the same customer must not interleave (they arrive on different topics, maybe on partitions
   * processed at the same time).
   */
  async lock(manager: EntityManager, customerId: string): Promise<void> {
    await this.lockAll(manager, [customerId]);
  }

  /** `lock` for several customers in one round trip. */
  async lockAll(manager: EntityManager, customerIds: string[]): Promise<void> {
    await lockAllForTransaction(manager, `${this.tables.schema}.customers`, customerIds);
  }

  /** When the stored facts of the customer were recorded at the source; null when none are stored. */
  async factsAt(manager: EntityManager, customerId: string): Promise<Date | null> {
    const rows: { facts_at: Date }[] = await manager.query(
      `SELECT facts_at FROM ${this.tables.of('customers')} WHERE customer_id = $1`,
      [customerId],
    );
    return rows[0]?.facts_at ?? null;
  }

  async save(manager: EntityManager, facts: CustomerFactsRow): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('customers')} AS c (customer_id, language, segment, region, tier, account_owner_id,
         facts_at, account_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (customer_id) DO UPDATE SET language = EXCLUDED.language, segment = EXCLUDED.segment, region =
         EXCLUDED.region,
         tier = EXCLUDED.tier, account_owner_id = EXCLUDED.account_owner_id, facts_at = EXCLUDED.facts_at,
         account_id = EXCLUDED.account_id`,
      [
        facts.customerId,
        facts.language,
        facts.segment,
        facts.region,
        facts.tier,
        facts.accountOwnerId,
        facts.factsAt,
        facts.accountId,
      ],
    );
  }
}
