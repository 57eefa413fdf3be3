import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { RetentionClock } from './retention.clock';
import { countRetentionDeleted } from './retention.metrics';
import { pruneBatchSql, type RetentionRule } from './retention.rule';

/**
 * Deletes the rows of `rules` that are past their retention as of the clock's now, rule by rule in
 * the given order (a rule for rows that reference others comes before the rule for those others).
 */
export class RetentionPruner {
  private readonly logger = new Logger(RetentionPruner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: readonly RetentionRule[],
    private readonly clock: RetentionClock,
    private readonly batchSize: number,
  ) {}

  /** One round over every rule; returns how many rows went, per rule name. */
  async prune(): Promise<Record<string, number>> {
    const now = this.clock.now();
    const deleted: Record<string, number> = {};
    for (const rule of this.rules) deleted[rule.name] = await this.pruneRule(rule, now);
    return deleted;
  }

  private async pruneRule(rule: RetentionRule, now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [, count] = await this.dataSource.query(pruneBatchSql(rule), [now, rule.maxAgeDays, this.batchSize]);
      total += Number(count);
      if (Number(count) < this.batchSize) break;
    }
    countRetentionDeleted(rule.name, total);
    if (total > 0) {
      const { name, maxAgeDays } = rule;
      this.logger.log({ msg: `pruned ${total} expired rows of ${name}`, rule: name, maxAgeDays, deleted: total });
    }
    return total;
  }
}
