import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the recovery re-survey of a followed-up case measured (RecoveryMeasured, docs/outer-loop.md). */
export class CaseRecoveries1765200000003 implements MigrationInterface {
  name = 'CaseRecoveries1765200000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner, 'case_recoveries')} (
        case_id uuid PRIMARY KEY REFERENCES ${qualifiedTable(runner, 'cases')} (id) ON DELETE CASCADE,
        recovery_response_id text NOT NULL,
        first_score int NOT NULL,
        recovery_score int NOT NULL,
        answered_at timestamptz,
        measured_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'case_recoveries')}`);
  }
}
