import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recovery against a holdout (docs/adr/0031-recovery-measured-against-a-holdout.md): which detractor responses were
 * followed up (CaseOpened) or held out (CaseSkipped HOLDOUT), and per detractor response its re-survey answer, measured
 * once both are known.
 */
export class RecoveryMeasurements1765200000002 implements MigrationInterface {
  name = 'RecoveryMeasurements1765200000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner, 'follow_ups')} (
        response_id text PRIMARY KEY,
        follow_up_group text NOT NULL,
        team_id text NOT NULL DEFAULT '',
        case_id text NOT NULL DEFAULT '',
        first_score int NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner, 'recovery_measurements')} (
        response_id text PRIMARY KEY,
        recovery_response_id text NOT NULL UNIQUE,
        customer_id text NOT NULL,
        recovery_score int NOT NULL,
        answered_at timestamptz NOT NULL,
        follow_up_group text,
        team_id text,
        case_id text,
        first_score int,
        measured_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX recovery_measurements_answered ON ${qualifiedTable(runner, 'recovery_measurements')} (answered_at)
       WHERE measured_at IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'recovery_measurements')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'follow_ups')}`);
  }
}
