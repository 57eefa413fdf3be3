import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters of the HTTP rate limits (rate-limiter-flexible's Postgres layout), shared by every
 * instance of the service so a limit holds across them. Rows expire; nothing else reads them.
 */
export class RateLimitTables1765000000000 implements MigrationInterface {
  name = 'RateLimitTables1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner, 'rate_limits')} (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'rate_limits')}`);
  }
}
