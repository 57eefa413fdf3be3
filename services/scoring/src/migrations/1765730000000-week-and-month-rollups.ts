import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const DIMENSIONS = 'touchpoint_type, channel, segment, region, tier, language';
const STARTS = { week: `date_trunc('week', day::timestamp)::date`, month: `date_trunc('month', day::timestamp)::date` };
const FIRST_DAY = { week: 'extract(isodow FROM day) = 1', month: 'extract(day FROM day) = 1' };

/**
 * Week (ISO, Monday first) and month rollups beside the day ones, so long `/nps` questions read
 * months instead of days (docs/adr/0041-week-and-month-rollups.md). Same keys, `day` being the
 * period's first local day; filled from the day tables, which the projection keeps in step with
 * from here on.
 */
export class WeekAndMonthRollups1765730000000 implements MigrationInterface {
  name = 'WeekAndMonthRollups1765730000000';

  async up(runner: QueryRunner): Promise<void> {
    const t = (table: string) => qualifiedTable(runner, table);
    const counts =
      'promoters int NOT NULL DEFAULT 0, passives int NOT NULL DEFAULT 0, detractors int NOT NULL DEFAULT 0';
    const sums = 'sum(promoters)::int, sum(passives)::int, sum(detractors)::int';
    for (const grain of ['week', 'month'] as const) {
      const dimensions = `zone text NOT NULL, day date NOT NULL CHECK (${FIRST_DAY[grain]}),
        touchpoint_type text NOT NULL, channel text NOT NULL, segment text NOT NULL, region text NOT NULL,
        tier text NOT NULL, language text NOT NULL`;
      await runner.query(`
        CREATE TABLE ${t(`rollups_${grain}`)} (${dimensions}, ${counts},
          PRIMARY KEY (zone, day, ${DIMENSIONS}))`);
      await runner.query(`
        CREATE TABLE ${t(`tag_rollups_${grain}`)} (${dimensions}, tag_id text NOT NULL, ${counts},
          PRIMARY KEY (zone, tag_id, day, ${DIMENSIONS}))`);
      await runner.query(`
        INSERT INTO ${t(`rollups_${grain}`)} (zone, day, ${DIMENSIONS}, promoters, passives, detractors)
        SELECT zone, ${STARTS[grain]}, ${DIMENSIONS}, ${sums} FROM ${t('rollups')} GROUP BY 1, 2, ${DIMENSIONS}`);
      await runner.query(`
        INSERT INTO ${t(`tag_rollups_${grain}`)} (zone, tag_id, day, ${DIMENSIONS}, promoters, passives, detractors)
        SELECT zone, tag_id, ${STARTS[grain]}, ${DIMENSIONS}, ${sums} FROM ${t('tag_rollups')}
        GROUP BY 1, 2, 3, ${DIMENSIONS}`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['tag_rollups_month', 'rollups_month', 'tag_rollups_week', 'rollups_week'])
      await runner.query(`DROP TABLE ${qualifiedTable(runner, table)}`);
  }
}
