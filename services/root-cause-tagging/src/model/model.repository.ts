import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { MODEL_TRAINING_RUN_COLUMNS as RUNS, type ModelTrainingRunRecord } from './model-training-run.record';
import { MODEL_VERSION_COLUMNS as VERSIONS, type ModelVersionRecord } from './model-version.record';

export type ModelVersionSummary = Omit<ModelVersionRecord, 'weights'>;
/** Weights are large: listed versions leave them out. */
const SUMMARY_FIELDS = VERSIONS.fields.filter((field) => field !== 'weights');
const RUN_FIELDS = RUNS.fields.filter((field) => field !== 'id');

/** Promoted model versions and training runs. */
@Injectable()
export class ModelRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** The model in use (the highest promoted version), with its weights. */
  async inUse(manager: EntityManager): Promise<ModelVersionRecord | null> {
    const [row] = await manager.query(
      `SELECT * FROM ${this.tables.of('model_versions')} ORDER BY version DESC LIMIT 1`,
    );
    return row ? VERSIONS.toRecord(row) : null;
  }

  async latestVersion(manager: EntityManager): Promise<number> {
    const [row] = await manager.query(`SELECT MAX(version) AS max FROM ${this.tables.of('model_versions')}`);
    return (row?.max as number | null) ?? 0;
  }

  async versions(manager: EntityManager): Promise<ModelVersionSummary[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${VERSIONS.names(SUMMARY_FIELDS)} FROM ${this.tables.of('model_versions')} ORDER BY version DESC`,
    );
    return rows.map((row) => VERSIONS.toRecord(row) as ModelVersionSummary);
  }

  async runs(manager: EntityManager, limit: number): Promise<ModelTrainingRunRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM ${this.tables.of('model_training_runs')} ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => RUNS.toRecord(row));
  }

  async add(manager: EntityManager, model: Omit<ModelVersionRecord, 'createdAt'>): Promise<void> {
    const weights = JSON.stringify(model.weights) as never; // jsonb: as JSON text, never as a Postgres array
    const values = VERSIONS.values([{ ...model, weights, createdAt: new Date() }]);
    await manager.query(
      `INSERT INTO ${this.tables.of('model_versions')} (${VERSIONS.names()}) VALUES ${values.sql}`,
      values.params,
    );
  }

  async recordRun(manager: EntityManager, run: Omit<ModelTrainingRunRecord, 'id' | 'ranAt'>): Promise<void> {
    const values = RUNS.values([{ ...run, id: '', ranAt: new Date() }], RUN_FIELDS);
    await manager.query(
      `INSERT INTO ${this.tables.of('model_training_runs')} (${RUNS.names(RUN_FIELDS)}) VALUES ${values.sql}`,
      values.params,
    );
  }
}
