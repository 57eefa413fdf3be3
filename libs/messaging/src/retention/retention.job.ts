import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BaseEnv } from '@nps/config';
import { RetentionClock, RetentionPruner, RetentionRules } from '@nps/persistence';
import { DataSource } from 'typeorm';
import { DueWorkPoller } from '../outage/due-work.poller';
import { InfrastructureOutages } from '../outage/infrastructure.outages';

/**
 * Deletes expired rows in batches every RETENTION_INTERVAL_MS (not at start: a restart does not prune): the
 * inbox (INBOX_RETENTION_DAYS, longer than any topic keeps its records, so a replay still finds the
 * ids it must drop) and what the service declares in its ServiceDefinition's `retention`. An outage
 * skips the round quietly; safe with several instances, they only delete. See
 * docs/adr/0014-infrastructure-faults.md, docs/adr/0035-retention.md and docs/privacy.md, Retention.
 */
@Injectable()
export class RetentionJob extends DueWorkPoller implements OnApplicationBootstrap {
  private readonly pruner: RetentionPruner;
  private readonly enabled: boolean;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    env: BaseEnv,
    rules: RetentionRules,
    clock: RetentionClock,
    outages: InfrastructureOutages,
  ) {
    const pruner = new RetentionPruner(dataSource, rules.rules, clock, env.RETENTION_BATCH_SIZE);
    super(outages, {
      name: 'retention',
      workers: 1,
      pollMs: env.RETENTION_INTERVAL_MS,
      sleepFirst: true,
      // A round deletes everything expired, batch by batch: then the job sleeps until the next one.
      processNext: async () => {
        await pruner.prune();
        return false;
      },
    });
    this.pruner = pruner;
    this.enabled = env.RETENTION_INTERVAL_MS > 0;
  }

  override onApplicationBootstrap(): void {
    if (this.enabled) super.onApplicationBootstrap();
  }

  /** Deletes every rule's expired rows, batch by batch; returns how many went, per rule. */
  prune(): Promise<Record<string, number>> {
    return this.pruner.prune();
  }
}
