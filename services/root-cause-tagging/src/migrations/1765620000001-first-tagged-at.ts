import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a comment was first tagged, which re-tagging does not move (it moves `tagged_at`): retention
 * dates a tagged comment by it, so re-tagging never keeps an old comment longer (docs/adr/0035).
 */
export class FirstTaggedAt1765620000001 implements MigrationInterface {
  name = 'FirstTaggedAt1765620000001';

  async up(runner: QueryRunner): Promise<void> {
    const comments = qualifiedTable(runner, 'tagged_comments');
    await runner.query(`ALTER TABLE ${comments} ADD COLUMN first_tagged_at timestamptz`);
    await runner.query(`UPDATE ${comments} SET first_tagged_at = tagged_at`);
    await runner.query(`ALTER TABLE ${comments} ALTER COLUMN first_tagged_at SET DEFAULT now()`);
    await runner.query(`ALTER TABLE ${comments} ALTER COLUMN first_tagged_at SET NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'tagged_comments')} DROP COLUMN first_tagged_at`);
  }
}
