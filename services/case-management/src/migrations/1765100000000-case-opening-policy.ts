import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The versioned case-opening policy (version 1: the defaults) and one row per detractor that opened
 * no case, unique per response so that each is skipped exactly once (docs/adr/0030).
 */
export class CaseOpeningPolicy1765100000000 implements MigrationInterface {
  name = 'CaseOpeningPolicy1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    const policies = qualifiedTable(runner, 'case_opening_policies');
    const skips = qualifiedTable(runner, 'skipped_detractors');
    await runner.query(
      `CREATE TABLE ${policies} (
         version integer PRIMARY KEY,
         max_answer_age_days integer NOT NULL CHECK (max_answer_age_days >= 1),
         excluded_sources text[] NOT NULL,
         excluded_channels text[] NOT NULL,
         holdout_share numeric(4, 3) NOT NULL CHECK (holdout_share >= 0 AND holdout_share <= 0.5),
         changed_by text NOT NULL,
         changed_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await runner.query(
      `INSERT INTO ${policies} (version, max_answer_age_days, excluded_sources, excluded_channels, holdout_share,
         changed_by) VALUES (1, 14, '{import}', '{}', 0, 'platform')`,
    );
    await runner.query(
      `CREATE TABLE ${skips} (
         id bigserial PRIMARY KEY,
         response_id text NOT NULL UNIQUE,
         customer_id text NOT NULL,
         reason text NOT NULL,
         detail text NOT NULL,
         policy_version integer NOT NULL,
         team_id text NOT NULL DEFAULT '',
         score integer NOT NULL,
         answered_at timestamptz,
         touchpoint_type text NOT NULL DEFAULT '',
         source text NOT NULL DEFAULT '',
         channel text NOT NULL DEFAULT '',
         skipped_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await runner.query(`CREATE INDEX skipped_detractors_skipped_idx ON ${skips} (skipped_at, id)`);
    await runner.query(`CREATE INDEX skipped_detractors_reason_idx ON ${skips} (reason, skipped_at, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'skipped_detractors')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'case_opening_policies')}`);
  }
}
