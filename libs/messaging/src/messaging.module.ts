import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BaseEnv } from '@nps/config';
import { ALL_TOPICS } from '@nps/contracts';
import { Kafka } from 'kafkajs';
import { EventPublisher } from './event.publisher';
import { KafkaHealthIndicator } from './kafka.health';
import { KafkaConnection, kafkaConfig } from './kafka.options';
import { ensureTopics } from './topic.provisioner';

/**
 * Kafka for one service: its connection, its producer, its readiness check, and the
 * platform's topics created (idempotently) before anything is consumed or published.
 */
@Module({})
export class MessagingModule implements OnModuleInit {
  constructor(private readonly connection: KafkaConnection) {}

  static forRoot(options: { clientId: string }): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        {
          provide: KafkaConnection,
          inject: [BaseEnv],
          useFactory: (env: BaseEnv): KafkaConnection => ({
            brokers: env.KAFKA_BROKERS,
            clientId: options.clientId,
            topicPrefix: env.KAFKA_TOPIC_PREFIX,
          }),
        },
        EventPublisher,
        KafkaHealthIndicator,
      ],
      exports: [KafkaConnection, EventPublisher, KafkaHealthIndicator],
    };
  }

  async onModuleInit(): Promise<void> {
    const admin = new Kafka(kafkaConfig(this.connection)).admin();
    await admin.connect();
    try {
      await ensureTopics(admin, ALL_TOPICS, this.connection.topicPrefix);
    } finally {
      await admin.disconnect();
    }
  }
}
