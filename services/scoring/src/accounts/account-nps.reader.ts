import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SchemaTables } from '@nps/persistence';
import type { DataSource } from 'typeorm';
import type { AccountCounts } from './account-nps.ranking';

/**
 * Counts answers per B2B account straight from the scored responses joined to the customer projection: an account
 * counts each response under the account its customer belongs to now, like the rollups do for segment and tier, and
 * on the day it was answered, as the rollups do: a revision changes its score, not its day.
 */
@Injectable()
export class AccountNpsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: SchemaTables,
  ) {}

  /** Per account with answers given on the local days `from`..`to` (inclusive) in `timeZone`. */
  async counts(from: string, to: string, timeZone: string): Promise<AccountCounts[]> {
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT c.account_id,
              count(DISTINCT r.customer_id) AS customers,
              count(*) FILTER (WHERE r.category = 'promoter') AS promoters,
              count(*) FILTER (WHERE r.category = 'passive') AS passives,
              count(*) FILTER (WHERE r.category = 'detractor') AS detractors
       FROM ${this.tables.of('responses')} r
       JOIN ${this.tables.of('customers')} c ON c.customer_id = r.customer_id
       WHERE c.account_id <> '' AND r.received AND r.category IS NOT NULL
         AND r.answered_at >= ($1::date)::timestamp AT TIME ZONE $3
         AND r.answered_at < ($2::date + 1)::timestamp AT TIME ZONE $3
       GROUP BY c.account_id`,
      [from, to, timeZone],
    );
    return rows.map((row) => ({
      accountId: row.account_id,
      customers: Number(row.customers),
      promoters: Number(row.promoters),
      passives: Number(row.passives),
      detractors: Number(row.detractors),
    }));
  }
}
