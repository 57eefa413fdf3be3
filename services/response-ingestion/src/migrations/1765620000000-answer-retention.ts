import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An answered survey request goes with its answer when retention deletes it (docs/adr/0035). */
export class AnswerRetention1765620000000 implements MigrationInterface {
  name = 'AnswerRetention1765620000000';

  async up(runner: QueryRunner): Promise<void> {
    await this.referToResponses(runner, 'ON DELETE CASCADE');
  }

  async down(runner: QueryRunner): Promise<void> {
    await this.referToResponses(runner, '');
  }

  private async referToResponses(runner: QueryRunner, onDelete: string): Promise<void> {
    const requests = qualifiedTable(runner, 'survey_requests');
    await runner.query(`ALTER TABLE ${requests} DROP CONSTRAINT survey_requests_response_id_fkey`);
    await runner.query(
      `ALTER TABLE ${requests} ADD CONSTRAINT survey_requests_response_id_fkey FOREIGN KEY (response_id)
       REFERENCES ${qualifiedTable(runner, 'responses')} (response_id) ${onDelete}`,
    );
  }
}
