import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BaseEnv } from '@nps/config';
import { DataSource } from 'typeorm';
import { MessagingSettings } from '../messaging.settings';
import { InfrastructureOutages } from '../outage/infrastructure.outages';
import { pruneBatchSql, type RetentionRule } from './retention.rule';

const WORKER = 'retention';

/**
 * Deletes expired rows in batches every RETENTION_INTERVAL_MS: the inbox (INBOX_RETENTION_DAYS,
 * longer than any topic keeps its records, so a replay still finds the ids it must drop) and what
 * the service registers. An outage skips the round quietly; safe with several instances, they
 * only delete. See docs/adr/0014-infrastructure-faults.md and docs/messaging.md, Retention.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionJob.name);
  private readonly rules: RetentionRule[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: BaseEnv,
    settings: MessagingSettings,
    private readonly outages: InfrastructureOutages,
  ) {
    const inbox = `"${settings.schema}".inbox`;
    this.register({ name: 'inbox', table: inbox, datedBy: 'processed_at', maxAgeDays: env.INBOX_RETENTION_DAYS });
  }

  /** Adds a table to prune; services call it from a provider of their own. */
  register(rule: RetentionRule): void {
    this.rules.push(rule);
  }

  onApplicationBootstrap(): void {
    if (this.env.RETENTION_INTERVAL_MS === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.outages
        .guard(WORKER, () => this.prune())
        .catch((error: Error) => this.logger.error({ msg: 'retention round failed', error: error.message }))
        .finally(() => (this.running = undefined));
    }, this.env.RETENTION_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes every rule's expired rows, batch by batch; returns how many went, per rule. */
  async prune(): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const rule of this.rules) deleted[rule.name] = await this.pruneRule(rule);
    return deleted;
  }

  private async pruneRule(rule: RetentionRule): Promise<number> {
    const batchSize = this.env.RETENTION_BATCH_SIZE;
    let total = 0;
    for (;;) {
      const [, count] = await this.dataSource.query(pruneBatchSql(rule), [rule.maxAgeDays, batchSize]);
      total += Number(count);
      if (Number(count) < batchSize) break;
    }
    if (total > 0) {
      const { name, maxAgeDays } = rule;
      this.logger.log({ msg: `pruned ${total} expired rows of ${name}`, rule: name, maxAgeDays });
    }
    return total;
  }
}
