import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * B2B accounts: the customer projection keeps account_id; account_cases remembers which account each case counted for
 * (fixed when the case opened); account_risk_alerts holds one row per AccountAtRisk, which is what makes it once per
 * account per window (docs/adr/0032).
 */
export class AccountRisk1765300000003 implements MigrationInterface {
  name = 'AccountRisk1765300000003';

  async up(runner: QueryRunner): Promise<void> {
    const t = (table: string) => qualifiedTable(runner, table);
    await runner.query(`ALTER TABLE ${t('customers')} ADD COLUMN account_id text NOT NULL DEFAULT ''`);
    await runner.query(`CREATE TABLE ${t('account_cases')} (
      case_id uuid PRIMARY KEY REFERENCES ${t('cases')}(id),
      account_id text NOT NULL,
      customer_id text NOT NULL,
      opened_at timestamptz NOT NULL)`);
    await runner.query(`CREATE INDEX account_cases_account ON ${t('account_cases')} (account_id, opened_at)`);
    await runner.query(`CREATE TABLE ${t('account_risk_alerts')} (
      id bigserial PRIMARY KEY,
      account_id text NOT NULL,
      account_owner_id text NOT NULL,
      detractor_count integer NOT NULL,
      window_days integer NOT NULL,
      case_ids uuid[] NOT NULL,
      alerted_at timestamptz NOT NULL)`);
    await runner.query(
      `CREATE INDEX account_risk_alerts_account ON ${t('account_risk_alerts')} (account_id, alerted_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const t = (table: string) => qualifiedTable(runner, table);
    await runner.query(`DROP TABLE ${t('account_risk_alerts')}`);
    await runner.query(`DROP TABLE ${t('account_cases')}`);
    await runner.query(`ALTER TABLE ${t('customers')} DROP COLUMN account_id`);
  }
}
