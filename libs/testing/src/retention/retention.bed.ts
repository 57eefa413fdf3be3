import { type BaseEnv, loadEnv } from '@nps/config';
import {
  type DatabaseOptions,
  dataSourceOptions,
  fixedClock,
  type RetentionDeclaration,
  RetentionPruner,
  RetentionRules,
  runMigrations,
  SchemaTables,
} from '@nps/persistence';
import { DataSource } from 'typeorm';
import { freshName, testDatabaseUrl } from '../test-namespace';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Tables every service has that retention leaves alone, and why. */
const LIBRARY_TABLES: Record<string, string> = {
  migrations: 'the applied migrations: schema bookkeeping, no data',
  outbox: 'the relay deletes a row once published; an unpublished event must never be lost',
};

/** What a bed needs of a service's definition (@nps/runtime's ServiceDefinition, which libs/testing cannot import). */
export interface RetainingService<E extends BaseEnv> {
  name: string;
  env: new () => E;
  migrations: DatabaseOptions['migrations'];
  retention?: RetentionDeclaration<E>;
}

/**
 * A service's real schema (its migrations, in a fresh schema) with its declared retention rules,
 * pruned by the same RetentionPruner its job runs, on a clock the test sets (docs/adr/0035).
 */
export class RetentionBed<E extends BaseEnv> {
  readonly tables: SchemaTables;
  readonly rules: RetentionRules;

  private constructor(
    readonly dataSource: DataSource,
    readonly schema: string,
    readonly env: E,
    service: RetainingService<E>,
  ) {
    this.tables = new SchemaTables(schema);
    this.rules = RetentionRules.of(env, this.tables, service.retention);
  }

  /** Migrates a fresh schema of `service` (or `schema`); `env` overrides the service's defaults. */
  static async start<E extends BaseEnv>(
    service: RetainingService<E>,
    env: Record<string, string> = {},
    schema = freshName(`retention_${service.name.replaceAll('-', '_')}`),
  ): Promise<RetentionBed<E>> {
    const options = { url: testDatabaseUrl(), schema, entities: [], migrations: service.migrations };
    await runMigrations(options);
    const dataSource = new DataSource({ ...dataSourceOptions(options), extra: { max: 2 } });
    await dataSource.initialize();
    return new RetentionBed(dataSource, schema, loadEnv(service.env, { ...process.env, ...env }), service);
  }

  /** `"schema"."table"` */
  of(table: string): string {
    return this.tables.of(table);
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  /** One retention round as of `now`; how many rows each rule deleted. */
  prune(now: Date, batchSize = 2): Promise<Record<string, number>> {
    return new RetentionPruner(this.dataSource, this.rules.rules, fixedClock(now), batchSize).prune();
  }

  /**
   * The tables of the schema that neither a rule names, nor go with a ruled table (ON DELETE CASCADE),
   * nor `withoutARule` (table → why) or the lib's own list excuse: each is data nobody decided on.
   */
  async undecidedTables(withoutARule: Record<string, string>): Promise<string[]> {
    const ruled = new Set(this.rules.rules.map((rule) => rule.table));
    const covered = new Set(
      (await this.tableNames()).filter((table) => ruled.has(this.of(table)) || table in LIBRARY_TABLES),
    );
    const cascades = await this.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       WHERE k.contype = 'f' AND k.confdeltype = 'c' AND k.connamespace = $1::regnamespace`,
      [this.schema],
    );
    let grew = true;
    while (grew) {
      grew = false;
      for (const { child, parent } of cascades) {
        if (!covered.has(parent) || covered.has(child)) continue;
        covered.add(child);
        grew = true;
      }
    }
    return (await this.tableNames()).filter((table) => !covered.has(table) && !(table in withoutARule));
  }

  /** Every base table of the schema. */
  async tableNames(): Promise<string[]> {
    const rows = await this.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'
       ORDER BY table_name`,
      [this.schema],
    );
    return rows.map((row) => row.table_name);
  }

  async count(table: string, where = 'true'): Promise<number> {
    const [row] = await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${this.of(table)} WHERE ${where}`);
    return row.n;
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}

/** The two sides of a `days`-day limit counted back from `now`: one minute past it, one minute within. */
export function aroundLimit(now: Date, days: number): { expired: Date; kept: Date } {
  const limit = now.getTime() - days * DAY;
  return { expired: new Date(limit - MINUTE), kept: new Date(limit + MINUTE) };
}
