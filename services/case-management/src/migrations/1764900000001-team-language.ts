import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language a team reads its notifications in (docs/case-management.md). */
export class TeamLanguage1764900000001 implements MigrationInterface {
  name = 'TeamLanguage1764900000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'teams')} ADD COLUMN language text NOT NULL DEFAULT 'en'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'teams')} DROP COLUMN language`);
  }
}
