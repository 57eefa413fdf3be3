import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BaseEnv } from '@nps/config';
import { RetentionClock, RetentionPruner, RetentionRules } from '@nps/persistence';
import { DataSource } from 'typeorm';
import { InfrastructureOutages } from '../outage/infrastructure.outages';

const WORKER = 'retention';

/**
 * Deletes expired rows in batches every RETENTION_INTERVAL_MS: the inbox (INBOX_RETENTION_DAYS,
 * longer than any topic keeps its records, so a replay still finds the ids it must drop) and what
 * the service declares in its ServiceDefinition's `retention`. An outage skips the round quietly;
 * safe with several instances, they only delete. See docs/adr/0014-infrastructure-faults.md,
 * docs/adr/0035-retention.md and docs/privacy.md, Retention.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionJob.name);
  private readonly pruner: RetentionPruner;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly env: BaseEnv,
    rules: RetentionRules,
    clock: RetentionClock,
    private readonly outages: InfrastructureOutages,
  ) {
    this.pruner = new RetentionPruner(dataSource, rules.rules, clock, env.RETENTION_BATCH_SIZE);
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
  prune(): Promise<Record<string, number>> {
    return this.pruner.prune();
  }
}
