import type { BaseEnv } from '@nps/config';
import type { SchemaTables } from '../schema.tables';
import type { RetentionRule } from './retention.rule';

/**
 * How a service declares retention: every rule for the data it keeps, from its validated env and
 * its schema's tables, in delete order. The inbox rule is added by the lib (docs/adr/0035).
 */
export type RetentionDeclaration<E extends BaseEnv = BaseEnv> = (env: E, tables: SchemaTables) => RetentionRule[];

/** The rules the retention job applies: the inbox's, then the service's own. */
export class RetentionRules {
  constructor(readonly rules: readonly RetentionRule[]) {}

  static of<E extends BaseEnv>(env: E, tables: SchemaTables, declaration?: RetentionDeclaration<E>): RetentionRules {
    const inbox = {
      name: 'inbox',
      table: tables.of('inbox'),
      datedBy: 'processed_at',
      maxAgeDays: env.INBOX_RETENTION_DAYS,
    };
    return new RetentionRules([inbox, ...(declaration?.(env, tables) ?? [])]);
  }
}
