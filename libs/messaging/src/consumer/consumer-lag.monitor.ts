import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { isSettling, KafkaConnection, kafkaConfig, physicalTopic } from '../kafka.options';
import { MessagingMetric, meter } from '../messaging.metrics';
import { MessagingSettings } from '../messaging.settings';
import { ReconnectingAdmin } from '../reconnecting-admin';

/** Records not yet processed by the service's consumer group, per topic. */
export type ConsumerLag = Record<string, number>;

/** How long a settling error (no coordinator, no leader yet) is only a passing state; beyond it, an outage. */
export const SETTLING_GRACE_MS = 30_000;

/** A failed measurement is worth a warning unless it is a settling error younger than SETTLING_GRACE_MS. */
export function lagFailureLevel(message: string, failingForMs: number): 'debug' | 'warn' {
  return isSettling(message) && failingForMs < SETTLING_GRACE_MS ? 'debug' : 'warn';
}

interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/**
 * Measures the consumer group's lag (end offset − committed offset) every CONSUMER_LAG_INTERVAL_MS,
 * exports it per partition as the gauge `nps.consumer.lag` (Prometheus `nps_consumer_lag`) and hands
 * the per-topic sums to the readiness check. While measurements fail, the lag keeps its last values;
 * `nps.consumer.lag_age_seconds` (seconds since the last measurement that worked) says how old they are.
 */
@Injectable()
export class ConsumerLagMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  private readonly admin: ReconnectingAdmin;
  private timer?: NodeJS.Timeout;
  private topics: string[] = [];
  private partitions: PartitionLag[] = [];
  /** When the measurements began to fail, while they do. */
  private failingSince?: number;
  /** When the lag was last measured, or watching began. */
  private measuredAt = Date.now();

  constructor(
    private readonly connection: KafkaConnection,
    private readonly settings: MessagingSettings,
  ) {
    this.admin = new ReconnectingAdmin({ ...kafkaConfig(connection), retry: { retries: 2 } });
    meter()
      .createObservableGauge(MessagingMetric.consumerLag, {
        description: 'Records of a topic partition the consumer group has not processed yet',
        unit: '{message}',
      })
      .addCallback((gauge) => {
        for (const { topic, partition, lag } of this.partitions) {
          gauge.observe(lag, { topic, partition: String(partition), group: this.settings.groupId });
        }
      });
    meter()
      .createObservableGauge(MessagingMetric.consumerLagAge, {
        description: 'Seconds since the consumer lag was last measured: how old nps.consumer.lag is',
        unit: 's',
      })
      .addCallback((gauge) => {
        if (this.topics.length > 0) gauge.observe(this.ageSeconds(), { group: this.settings.groupId });
      });
  }

  /** Seconds since the lag was last measured (or watching began). */
  ageSeconds(): number {
    return Math.max(0, Math.round((Date.now() - this.measuredAt) / 1000));
  }

  /** Starts measuring the given (logical) topics; called when the consumer starts. */
  watch(topics: string[]): void {
    this.topics = topics;
    this.measuredAt = Date.now();
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.refresh(), this.settings.lagIntervalMs).unref();
    void this.refresh();
  }

  /** The latest lag per (logical) topic, summed over its partitions. */
  snapshot(): ConsumerLag {
    const lag: ConsumerLag = {};
    for (const { topic, lag: partitionLag } of this.partitions) lag[topic] = (lag[topic] ?? 0) + partitionLag;
    return lag;
  }

  async refresh(): Promise<ConsumerLag> {
    if (this.topics.length === 0) return {};
    try {
      this.partitions = await this.admin.use((admin) => this.measure(admin));
      this.measuredAt = Date.now();
      this.failingSince = undefined;
    } catch (error) {
      // A leader or coordinator still settling on fresh topics or a fresh broker: the next measurement works.
      // One still "settling" after SETTLING_GRACE_MS is an outage, and is logged as one.
      this.failingSince ??= Date.now();
      const message = (error as Error).message;
      const log = { msg: 'could not measure consumer lag', error: message };
      if (lagFailureLevel(message, Date.now() - this.failingSince) === 'debug') this.logger.debug(log);
      else this.logger.warn(log);
    }
    return this.snapshot();
  }

  private async measure(admin: Admin): Promise<PartitionLag[]> {
    const physical = (topic: string) => physicalTopic(topic, this.connection.topicPrefix);
    const committed = await admin.fetchOffsets({ groupId: this.settings.groupId, topics: this.topics.map(physical) });
    const partitions: PartitionLag[] = [];
    for (const topic of this.topics) {
      const ends = await admin.fetchTopicOffsets(physical(topic));
      const group = committed.find((c) => c.topic === physical(topic))?.partitions ?? [];
      for (const end of ends) {
        const position = Number(group.find((p) => p.partition === end.partition)?.offset ?? -1);
        const lag = Number(end.high) - (position < 0 ? Number(end.low) : position);
        partitions.push({ topic, partition: end.partition, lag });
      }
    }
    return partitions;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.admin.close();
  }
}
