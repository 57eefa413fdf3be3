import { Injectable } from '@nestjs/common';
import { lockForTransaction, SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

export interface AccountRiskAlert {
  accountId: string;
  accountOwnerId: string;
  detractorCount: number;
  windowDays: number;
  caseIds: string[];
  alertedAt: Date;
}

/** account_cases and account_risk_alerts; every method runs in the caller's transaction. */
@Injectable()
export class AccountRiskRepository {
  constructor(private readonly tables: SchemaTables) {}

  /**
   * Serialises, per account, the case openings that count its detractors: cases of different customers of one
   * account arrive on different partitions, and without the lock two of them could each miss the other's case.
   */
  async lock(manager: EntityManager, accountId: string): Promise<void> {
    await lockForTransaction(manager, `${this.tables.schema}:account-risk`, accountId);
  }

  async recordCase(
    manager: EntityManager,
    entry: { caseId: string; accountId: string; customerId: string; openedAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('account_cases')} (case_id, account_id, customer_id, opened_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING`,
      [entry.caseId, entry.accountId, entry.customerId, entry.openedAt],
    );
  }

  /** Cases of the account opened at or after `since`, oldest first. */
  async casesSince(manager: EntityManager, accountId: string, since: Date): Promise<string[]> {
    const rows: { case_id: string }[] = await manager.query(
      `SELECT case_id FROM ${this.tables.of('account_cases')} WHERE account_id = $1 AND opened_at >= $2
       ORDER BY opened_at, case_id`,
      [accountId, since],
    );
    return rows.map((row) => row.case_id);
  }

  async lastAlertAt(manager: EntityManager, accountId: string): Promise<Date | null> {
    const [row]: { alerted_at: Date | null }[] = await manager.query(
      `SELECT max(alerted_at) AS alerted_at FROM ${this.tables.of('account_risk_alerts')} WHERE account_id = $1`,
      [accountId],
    );
    return row?.alerted_at ?? null;
  }

  async insertAlert(manager: EntityManager, alert: AccountRiskAlert): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('account_risk_alerts')}
         (account_id, account_owner_id, detractor_count, window_days, case_ids, alerted_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [alert.accountId, alert.accountOwnerId, alert.detractorCount, alert.windowDays, alert.caseIds, alert.alertedAt],
    );
  }
}
