import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BaseEnv } from '@nps/config';
import { ALL_TOPICS } from '@nps/contracts';
import { RetentionClock, type RetentionDeclaration, RetentionRules, SchemaTables } from '@nps/persistence';
import { Kafka } from 'kafkajs';
import { ConsumerLagMonitor } from './consumer/consumer-lag.monitor';
import { KafkaTransportFactory } from './consumer/kafka-transport.factory';
import { EventPublisher } from './event.publisher';
import { KafkaHealthIndicator } from './kafka.health';
import { KafkaConnection, kafkaConfig, kafkaConnectionFrom } from './kafka.options';
import { MessagingSettings } from './messaging.settings';
import { EventTransactions } from './outbox/event.transactions';
import { OutboxRelay } from './outbox/outbox.relay';
import { InfrastructureOutages } from './outage/infrastructure.outages';
import { RetentionJob } from './retention/retention.job';
import { ensureTopics } from './topic.provisioner';

export interface MessagingOptions {
  service: string;
  /** The service's retention rules (docs/adr/0035); the inbox's are always applied. */
  retention?: RetentionDeclaration<never>;
}

/**
 * Kafka for one service: connection, producer, outbox relay, transaction runner, consumer
 * transport factory and readiness check; the platform's topics are created (idempotently)
 * before anything is consumed or published.
 */
@Module({})
export class MessagingModule implements OnModuleInit {
  constructor(
    private readonly connection: KafkaConnection,
    private readonly settings: MessagingSettings,
    private readonly outages: InfrastructureOutages,
  ) {}

  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        {
          provide: KafkaConnection,
          inject: [BaseEnv],
          useFactory: (env: BaseEnv): KafkaConnection => kafkaConnectionFrom(env, options.service),
        },
        {
          provide: MessagingSettings,
          inject: [BaseEnv, SchemaTables],
          useFactory: (env: BaseEnv, tables: SchemaTables) =>
            Object.assign(new MessagingSettings(), {
              service: options.service,
              schema: tables.schema, // owned by PersistenceModule (docs/adr/0013)
              topicPrefix: env.KAFKA_TOPIC_PREFIX,
              relayEnabled: env.OUTBOX_RELAY_ENABLED,
              relayBatchSize: env.OUTBOX_BATCH_SIZE,
              relayListens: env.OUTBOX_RELAY_LISTEN,
              relayIdleMs: env.OUTBOX_RELAY_IDLE_MS,
              relayLingerMs: env.OUTBOX_RELAY_LINGER_MS,
              relayBatchTimeoutMs: env.OUTBOX_RELAY_BATCH_TIMEOUT_MS,
              maxAttempts: env.CONSUMER_MAX_ATTEMPTS,
              retryBackoffMs: env.CONSUMER_RETRY_BACKOFF_MS,
              partitionsConcurrently: env.CONSUMER_PARTITIONS_CONCURRENTLY,
              batchSize: env.CONSUMER_BATCH_SIZE,
              batchWaitMs: env.CONSUMER_BATCH_WAIT_MS,
              fetchMaxBytes: env.CONSUMER_FETCH_MAX_BYTES,
              partitionFetchMaxBytes: env.CONSUMER_PARTITION_FETCH_MAX_BYTES,
              sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
              lagIntervalMs: env.CONSUMER_LAG_INTERVAL_MS,
              topicPlacement: {
                replicationFactor: env.KAFKA_TOPIC_REPLICATION_FACTOR,
                minInsyncReplicas: env.KAFKA_TOPIC_MIN_INSYNC_REPLICAS,
              },
            }),
        },
        EventPublisher,
        EventTransactions,
        OutboxRelay,
        KafkaTransportFactory,
        ConsumerLagMonitor,
        KafkaHealthIndicator,
        InfrastructureOutages,
        {
          provide: RetentionRules,
          inject: [BaseEnv, SchemaTables],
          useFactory: (env: BaseEnv, tables: SchemaTables) =>
            RetentionRules.of(env, tables, options.retention as RetentionDeclaration | undefined),
        },
        RetentionClock,
        RetentionJob,
      ],
      exports: [
        KafkaConnection,
        MessagingSettings,
        EventPublisher,
        EventTransactions,
        OutboxRelay,
        KafkaTransportFactory,
        ConsumerLagMonitor,
        KafkaHealthIndicator,
        InfrastructureOutages,
        RetentionRules,
        RetentionClock,
        RetentionJob,
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.outages.waitFor('topic provisioning', async () => {
      const admin = new Kafka(kafkaConfig(this.connection)).admin();
      try {
        await admin.connect();
        await ensureTopics(admin, ALL_TOPICS, this.connection.topicPrefix, this.settings.topicPlacement);
      } finally {
        await admin.disconnect();
      }
    });
  }
}
