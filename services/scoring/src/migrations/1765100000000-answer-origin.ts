import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How an answer came in (ResponseReceived.source, follow_up_requested, recovery_of_response_id).
 * Revisions re-publish `detractor identified` from the row, so the row must remember them for the
 * case-opening policy (docs/adr/0030). Older rows read as source 0 (unspecified): they still open cases.
 */
export class AnswerOrigin1765100000000 implements MigrationInterface {
  name = 'AnswerOrigin1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ${qualifiedTable(runner, 'responses')} ADD COLUMN source smallint NOT NULL DEFAULT 0,
         ADD COLUMN follow_up_requested boolean NOT NULL DEFAULT false,
         ADD COLUMN recovery_of_response_id text NOT NULL DEFAULT ''`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ${qualifiedTable(runner, 'responses')} DROP COLUMN source, DROP COLUMN follow_up_requested,
         DROP COLUMN recovery_of_response_id`,
    );
  }
}
