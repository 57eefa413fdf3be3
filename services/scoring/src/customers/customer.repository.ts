import { Injectable } from '@nestjs/common';
import { MessagingSettings } from '@nps/messaging';
import type { EntityManager } from 'typeorm';
import type { CustomerFactsRow } from './customer-facts';

/** The local projection of `customer upserted`: the newest facts per customer. */
@Injectable()
export class CustomerRepository {
  private readonly schema: string;

  constructor(settings: MessagingSettings) {
    this.schema = settings.schema;
  }

  /** When the stored facts of the customer were recorded at the source; null when none are stored. */
  async factsAt(manager: EntityManager, customerId: string): Promise<Date | null> {
    const rows: { facts_at: Date }[] = await manager.query(`SELECT facts_at FROM "${this.schema}".customers WHERE customer_id = $1`, [customerId]);
    return rows[0]?.facts_at ?? null;
  }

  async save(manager: EntityManager, facts: CustomerFactsRow): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".customers AS c (customer_id, language, segment, region, tier, account_owner_id, facts_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (customer_id) DO UPDATE SET language = EXCLUDED.language, segment = EXCLUDED.segment, region = EXCLUDED.region,
         tier = EXCLUDED.tier, account_owner_id = EXCLUDED.account_owner_id, facts_at = EXCLUDED.facts_at`,
      [facts.customerId, facts.language, facts.segment, facts.region, facts.tier, facts.accountOwnerId, facts.factsAt],
    );
  }
}
