import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Rows that belong to one case and go with it (case_recoveries already does).
const OF_A_CASE = ['case_activities', 'notifications', 'account_cases', 'improvement_action_cases'];

/**
 * Retention deletes a case past CASE_RETENTION_DAYS with everything that belongs to it, and dates
 * a response's enrichment (its comment and tags) by when it arrived (docs/adr/0035).
 */
export class CaseRetention1765620000002 implements MigrationInterface {
  name = 'CaseRetention1765620000002';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of OF_A_CASE) await this.referToCases(runner, table, 'ON DELETE CASCADE');
    const enrichments = qualifiedTable(runner, 'response_enrichments');
    await runner.query(`ALTER TABLE ${enrichments} ADD COLUMN received_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'response_enrichments')} DROP COLUMN received_at`);
    for (const table of OF_A_CASE) await this.referToCases(runner, table, '');
  }

  private async referToCases(runner: QueryRunner, table: string, onDelete: string): Promise<void> {
    const constraint = `${table}_case_id_fkey`;
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, table)} DROP CONSTRAINT ${constraint}`);
    await runner.query(
      `ALTER TABLE ${qualifiedTable(runner, table)} ADD CONSTRAINT ${constraint} FOREIGN KEY (case_id)
       REFERENCES ${qualifiedTable(runner, 'cases')} (id) ${onDelete}`,
    );
  }
}
