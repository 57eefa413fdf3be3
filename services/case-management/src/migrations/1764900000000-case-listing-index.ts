import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The keyset of the case listing within a team, newest or oldest first (ADR 0027). */
export class CaseListingIndex1764900000000 implements MigrationInterface {
  name = 'CaseListingIndex1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX cases_team_opened_idx ON ${qualifiedTable(runner, 'cases')} (team_id, opened_at, id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ${qualifiedTable(runner, 'cases_team_opened_idx')}`);
  }
}
