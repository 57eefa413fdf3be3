import type { BaseEnv } from '@nps/config';
import {
  dataSourceOptions,
  type DatabaseOptions,
  fixedClock,
  RetentionClock,
  RetentionPruner,
  RetentionRules,
  SchemaTables,
} from '@nps/persistence';
import { DataSource } from 'typeorm';
import type { ServiceDefinition } from './service.module';

/**
 * `cli.js prune [--now <ISO time>]`: one retention round of the service's rules, as the running
 * service does every RETENTION_INTERVAL_MS. `--now` may only set the clock back (pruning as of an
 * earlier moment deletes a subset of what a real round would), never forward.
 */
export async function pruneOnce<E extends BaseEnv>(
  service: ServiceDefinition<E>,
  env: E,
  database: DatabaseOptions,
  args: string[],
): Promise<Record<string, number>> {
  const clock = clockOf(args);
  const rules = RetentionRules.of(env, new SchemaTables(database.schema), service.retention);
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  try {
    return await new RetentionPruner(dataSource, rules.rules, clock, env.RETENTION_BATCH_SIZE).prune();
  } finally {
    await dataSource.destroy();
  }
}

function clockOf(args: string[]): RetentionClock {
  const at = args.indexOf('--now');
  if (at < 0) return new RetentionClock();
  const now = new Date(args[at + 1] ?? '');
  if (Number.isNaN(now.getTime())) throw new Error('--now needs an ISO time, e.g. 2026-01-31T00:00:00Z');
  if (now.getTime() > Date.now()) throw new Error('--now may not be in the future: that would delete data early');
  return fixedClock(now);
}
