import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The root causes a resolution may confirm: the local projection of nps.taxonomy.published.v1 (docs/adr/0012). */
export class RootCauses1764600000000 implements MigrationInterface {
  name = 'RootCauses1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'root_causes')} (
      tag_id text PRIMARY KEY, name text NOT NULL, taxonomy_version int NOT NULL, updated_at timestamptz NOT NULL
        DEFAULT now())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'root_causes')}`);
  }
}
