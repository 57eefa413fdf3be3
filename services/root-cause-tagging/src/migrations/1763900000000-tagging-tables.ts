import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tagged comments, confirmed root causes, taxonomy versions and model versions (ADR 0009). */
export class TaggingTables1763900000000 implements MigrationInterface {
  name = 'TaggingTables1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'tagged_comments')} (
      response_id text PRIMARY KEY,
      customer_id text NOT NULL,
      revision integer NOT NULL,
      comment text NOT NULL,
      survey_language text NOT NULL DEFAULT '',
      score integer,
      language text NOT NULL,
      result jsonb NOT NULL,
      taxonomy_version integer NOT NULL,
      model_version integer NOT NULL,
      tagged_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'confirmed_root_causes')} (
      response_id text PRIMARY KEY,
      case_id text NOT NULL,
      tag_id text NOT NULL,
      confirmed_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'taxonomy_versions')} (
      version integer PRIMARY KEY,
      change text NOT NULL,
      tags jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'model_versions')} (
      version integer PRIMARY KEY,
      trigger text NOT NULL,
      held_out_f1 double precision NOT NULL,
      training_examples integer NOT NULL,
      confirmed_examples integer NOT NULL,
      weights jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'model_training_runs')} (
      id bigserial PRIMARY KEY,
      trigger text NOT NULL,
      candidate_f1 double precision NOT NULL,
      in_use_f1 double precision NOT NULL,
      in_use_version integer NOT NULL,
      promoted_version integer,
      confirmed_examples integer NOT NULL,
      ran_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'model_training_runs',
      'model_versions',
      'taxonomy_versions',
      'confirmed_root_causes',
      'tagged_comments',
    ]) {
      await runner.query(`DROP TABLE ${qualifiedTable(runner, table)}`);
    }
  }
}
