import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['responses', 'rollups', 'tag_rollups'];

/**
 * Scoring spelled CHANNEL_IN_APP `in-app` while every other service says `in_app`; the channel
 * names now come from @nps/contracts (docs/adr/0012). No `in_app` rows existed before, so the
 * rename cannot collide with a rollup key.
 */
export class InAppChannelName1764600000000 implements MigrationInterface {
  name = 'InAppChannelName1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await runner.query(`UPDATE ${qualifiedTable(runner, table)} SET channel = 'in_app' WHERE channel = 'in-app'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await runner.query(`UPDATE ${qualifiedTable(runner, table)} SET channel = 'in-app' WHERE channel = 'in_app'`);
  }
}
