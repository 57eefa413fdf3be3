import { Injectable, type OnApplicationShutdown, type OnModuleInit, Optional } from '@nestjs/common';
import { Kafka, Partitioners, type Producer, type IHeaders } from 'kafkajs';
import { KafkaConnection, kafkaConfig, physicalTopic } from './kafka.options';
import { InfrastructureOutages } from './outage/infrastructure.outages';

export interface OutgoingMessage {
  key: string | Buffer | null;
  value: Buffer | null;
  headers?: IHeaders;
}

/**
 * The one Kafka producer of a service: idempotent, acks from all in-sync replicas.
 * Handlers do not call it directly; the outbox relay does (see docs/messaging.md).
 */
@Injectable()
export class EventPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly producer: Producer;

  constructor(
    private readonly connection: KafkaConnection,
    @Optional() private readonly outages = new InfrastructureOutages(),
  ) {
    this.producer = new Kafka(kafkaConfig(connection)).producer({
      idempotent: true,
      maxInFlightRequests: 5,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.outages.waitFor('producer', () => this.producer.connect());
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    await this.producer.send({ topic: physicalTopic(topic, this.connection.topicPrefix), acks: -1, messages });
  }

  /** Sends records to several topics in one request; per topic (so per key) in the given order. */
  async publishInOrder(records: { topic: string; message: OutgoingMessage }[]): Promise<void> {
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const { topic, message } of records) {
      const name = physicalTopic(topic, this.connection.topicPrefix);
      const messages = byTopic.get(name) ?? [];
      messages.push(message);
      byTopic.set(name, messages);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
