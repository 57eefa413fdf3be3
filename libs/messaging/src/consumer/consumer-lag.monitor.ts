import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { metrics } from '@opentelemetry/api';
import { type Admin, Kafka } from 'kafkajs';
import { KafkaConnection, kafkaConfig, physicalTopic } from '../kafka.options';
import { MessagingSettings } from '../messaging.settings';

/** Records not yet processed by the service's consumer group, per topic. */
export type ConsumerLag = Record<string, number>;

/**
 * Measures the consumer group's lag (end offset − committed offset, summed per topic) every
 * CONSUMER_LAG_INTERVAL_MS, exports it as the OpenTelemetry gauge `messaging.kafka.consumer.lag`
 * and hands the latest figures to the readiness check.
 */
@Injectable()
export class ConsumerLagMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  private admin?: Admin;
  private timer?: NodeJS.Timeout;
  private topics: string[] = [];
  private latest: ConsumerLag = {};

  constructor(
    private readonly connection: KafkaConnection,
    private readonly settings: MessagingSettings,
  ) {
    metrics
      .getMeter('@nps/messaging')
      .createObservableGauge('messaging.kafka.consumer.lag', {
        description: 'Records of a topic the consumer group has not processed yet',
        unit: '{message}',
      })
      .addCallback((gauge) => {
        for (const [topic, lag] of Object.entries(this.latest)) {
          gauge.observe(lag, {
            'messaging.consumer.group.name': this.settings.groupId,
            'messaging.destination.name': topic,
          });
        }
      });
  }

  /** Starts measuring the given (logical) topics; called when the consumer starts. */
  watch(topics: string[]): void {
    this.topics = topics;
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.refresh(), this.settings.lagIntervalMs).unref();
    void this.refresh();
  }

  snapshot(): ConsumerLag {
    return { ...this.latest };
  }

  async refresh(): Promise<ConsumerLag> {
    if (this.topics.length === 0) return {};
    try {
      if (!this.admin) {
        const admin = new Kafka({ ...kafkaConfig(this.connection), retry: { retries: 2 } }).admin();
        await admin.connect();
        this.admin = admin;
      }
      const physical = (topic: string) => physicalTopic(topic, this.connection.topicPrefix);
      const committed = await this.admin.fetchOffsets({
        groupId: this.settings.groupId,
        topics: this.topics.map(physical),
      });
      const lag: ConsumerLag = {};
      for (const topic of this.topics) {
        const ends = await this.admin.fetchTopicOffsets(physical(topic));
        const group = committed.find((c) => c.topic === physical(topic))?.partitions ?? [];
        lag[topic] = ends.reduce((sum, end) => {
          const position = Number(group.find((p) => p.partition === end.partition)?.offset ?? -1);
          return sum + Number(end.high) - (position < 0 ? Number(end.low) : position);
        }, 0);
      }
      this.latest = lag;
    } catch (error) {
      // Reconnect next time: a broken admin connection does not heal by itself.
      void this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      this.logger.warn({ msg: 'could not measure consumer lag', error: (error as Error).message });
    }
    return this.snapshot();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.admin?.disconnect();
  }
}
