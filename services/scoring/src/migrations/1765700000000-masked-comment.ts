import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The masked comment of a response (ResponseReceived.masked_comment), kept like `comment` as the
 * ciphertext it came as, because a revision re-publishes `detractor identified` from the row (docs/adr/0037).
 */
export class MaskedComment1765700000000 implements MigrationInterface {
  name = 'MaskedComment1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ${qualifiedTable(runner, 'responses')} ADD COLUMN masked_comment text NOT NULL DEFAULT ''`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${qualifiedTable(runner, 'responses')} DROP COLUMN masked_comment`);
  }
}
