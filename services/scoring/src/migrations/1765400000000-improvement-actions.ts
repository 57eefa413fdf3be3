import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scoring's projection of case-management's improvement actions (nps.improvement-action.*.v1): the
 * scope and release time an effect is measured around (docs/outer-loop.md, docs/adr/0033). The
 * three topics are not ordered with each other, so every column an earlier event has not filled is
 * nullable.
 */
export class ImprovementActions1765400000000 implements MigrationInterface {
  name = 'ImprovementActions1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'improvement_actions')} (
      id uuid PRIMARY KEY, title text, root_cause_tag_id text, touchpoint_type text, segment text,
      status text NOT NULL CHECK (status IN ('open', 'released', 'closed')),
      opened_at timestamptz, released_at timestamptz, closed_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'improvement_actions')}`);
  }
}
