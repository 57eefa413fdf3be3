import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Kafka, type Producer, type IHeaders } from 'kafkajs';
import { KafkaConnection, kafkaConfig, physicalTopic } from './kafka.options';

export interface OutgoingMessage {
  key: string;
  value: Buffer;
  headers?: IHeaders;
}

/**
 * The one Kafka producer of a service: idempotent, acks from all in-sync replicas.
 * Handlers do not call it directly; the outbox relay does (see docs/messaging.md).
 */
@Injectable()
export class EventPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly producer: Producer;

  constructor(private readonly connection: KafkaConnection) {
    this.producer = new Kafka(kafkaConfig(connection)).producer({ idempotent: true, maxInFlightRequests: 5 });
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    await this.producer.send({ topic: physicalTopic(topic, this.connection.topicPrefix), acks: -1, messages });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
