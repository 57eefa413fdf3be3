import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recovery re-surveys (docs/adr/0031-recovery-measured-against-a-holdout.md): one pending row per
 * followed-up or held-out detractor response until its delay has passed and the contact policy
 * decided; survey requests remember which detractor response a re-survey follows up.
 */
export class RecoverySurveys1765200000000 implements MigrationInterface {
  name = 'RecoverySurveys1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ${qualifiedTable(runner, 'survey_requests')} ADD COLUMN recovery_of_response_id text`,
    );
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'recovery_surveys')} (
      response_id text PRIMARY KEY,
      customer_id text NOT NULL,
      follow_up_group text NOT NULL,
      case_id text,
      due_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      survey_request_id uuid,
      reason text,
      detail text,
      requested_at timestamptz NOT NULL,
      decided_at timestamptz)`);
    await runner.query(
      `CREATE INDEX recovery_surveys_due ON ${qualifiedTable(runner, 'recovery_surveys')} (due_at)
       WHERE status = 'pending'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'recovery_surveys')}`);
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'survey_requests')} DROP COLUMN recovery_of_response_id`);
  }
}
