import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A survey link that is a recovery re-survey remembers the detractor response it follows up (SurveyDispatched). */
export class RecoverySurveyRequests1765200000001 implements MigrationInterface {
  name = 'RecoverySurveyRequests1765200000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ${qualifiedTable(runner, 'survey_requests')} ADD COLUMN recovery_of_response_id text`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'survey_requests')} DROP COLUMN recovery_of_response_id`);
  }
}
