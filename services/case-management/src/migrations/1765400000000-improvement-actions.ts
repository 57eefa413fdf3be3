import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Systemic fixes of a root cause and the cases that showed it (docs/outer-loop.md, docs/adr/0033). */
export class ImprovementActions1765400000000 implements MigrationInterface {
  name = 'ImprovementActions1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    const t = (name: string) => qualifiedTable(runner, name);
    await runner.query(`CREATE TABLE ${t('improvement_actions')} (
      id uuid PRIMARY KEY, title text NOT NULL, root_cause_tag_id text NOT NULL, touchpoint_type text, segment text,
      owner_id text NOT NULL, status text NOT NULL CHECK (status IN ('open', 'released', 'closed')),
      released_at timestamptz, closed_at timestamptz, close_note text, opened_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE INDEX ON ${t('improvement_actions')} (status, root_cause_tag_id)`);
    await runner.query(`CREATE TABLE ${t('improvement_action_cases')} (
      improvement_action_id uuid NOT NULL REFERENCES ${t('improvement_actions')}(id),
      case_id uuid NOT NULL REFERENCES ${t('cases')}(id), linked_by text NOT NULL,
      linked_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (improvement_action_id, case_id))`);
    await runner.query(`CREATE INDEX ON ${t('improvement_action_cases')} (case_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'improvement_action_cases')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'improvement_actions')}`);
  }
}
