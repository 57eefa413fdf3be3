import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scoring projection (docs/adr/0008-scoring-projection-and-rollups.md): newest revision of
 * each response with the dimensions it is counted under, the customer facts, the root-cause
 * tags, and the rollups the NPS API reads (per local day of each rolled-up time zone).
 * Unknown dimension values are '' rather than NULL, so they take part in the rollup keys.
 */
export class ScoringTables1763942400000 implements MigrationInterface {
  name = 'ScoringTables1763942400000';

  async up(runner: QueryRunner): Promise<void> {
    const t = (table: string) => qualifiedTable(runner, table);
    await runner.query(`
      CREATE TABLE ${t('customers')} (
        customer_id text PRIMARY KEY,
        language text NOT NULL DEFAULT '',
        segment text NOT NULL DEFAULT '',
        region text NOT NULL DEFAULT '',
        tier text NOT NULL DEFAULT '',
        account_owner_id text NOT NULL DEFAULT '',
        facts_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${t('responses')} (
        response_id text PRIMARY KEY,
        customer_id text NOT NULL,
        received boolean NOT NULL DEFAULT false,
        revision int NOT NULL DEFAULT -1,
        score int,
        category text,
        comment text NOT NULL DEFAULT '',
        answered_at timestamptz,
        scored_at timestamptz,
        touchpoint_id text NOT NULL DEFAULT '',
        touchpoint_type text NOT NULL DEFAULT '',
        channel text NOT NULL DEFAULT '',
        language text NOT NULL DEFAULT '',
        segment text NOT NULL DEFAULT '',
        region text NOT NULL DEFAULT '',
        tier text NOT NULL DEFAULT '',
        detractor_status text NOT NULL DEFAULT 'none',
        tag_revision int NOT NULL DEFAULT -1,
        tagged_at timestamptz
      )`);
    await runner.query(`CREATE INDEX responses_customer_idx ON ${t('responses')} (customer_id)`);
    await runner.query(`
      CREATE TABLE ${t('response_tags')} (
        response_id text NOT NULL,
        tag_id text NOT NULL,
        PRIMARY KEY (response_id, tag_id)
      )`);
    const counts = `promoters int NOT NULL DEFAULT 0, passives int NOT NULL DEFAULT 0, detractors int NOT NULL DEFAULT
      0`;
    const dimensions = `zone text NOT NULL, day date NOT NULL, touchpoint_type text NOT NULL, channel text NOT NULL,
        segment text NOT NULL, region text NOT NULL, tier text NOT NULL, language text NOT NULL`;
    await runner.query(`
      CREATE TABLE ${t('rollups')} (${dimensions}, ${counts},
        PRIMARY KEY (zone, day, touchpoint_type, channel, segment, region, tier, language))`);
    await runner.query(`
      CREATE TABLE ${t('tag_rollups')} (${dimensions}, tag_id text NOT NULL, ${counts},
        PRIMARY KEY (zone, tag_id, day, touchpoint_type, channel, segment, region, tier, language))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['tag_rollups', 'rollups', 'response_tags', 'responses', 'customers'])
      await runner.query(`DROP TABLE ${qualifiedTable(runner, table)}`);
  }
}
