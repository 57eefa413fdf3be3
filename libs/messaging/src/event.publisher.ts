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
  private producer: Producer;
  private connected?: Promise<void>;

  constructor(
    private readonly connection: KafkaConnection,
    @Optional() private readonly outages = new InfrastructureOutages(),
  ) {
    this.producer = this.newProducer();
  }

  async onModuleInit(): Promise<void> {
    await this.outages.waitFor('producer', () => this.connect());
  }

  /**
   * Drops the producer for a new one, for a send that failed or never settled: whatever state
   * kafkajs's producer is in then, the next send starts from a fresh connection and producer id.
   */
  replaceProducer(): void {
    const stale = this.producer;
    this.producer = this.newProducer();
    this.connected = undefined;
    void stale.disconnect().catch(() => undefined);
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    const name = physicalTopic(topic, this.connection.topicPrefix);
    await this.send((producer) => producer.send({ topic: name, acks: -1, messages }));
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
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    await this.send((producer) => producer.sendBatch({ acks: -1, topicMessages }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  /**
   * Sends on the current producer; a failed send costs it its place. kafkajs takes a failed
   * request's sequence numbers back even when the broker appended the batch and only the response
   * was lost (a broker restart, a cut connection). The next batch, other records from the same
   * sequence number, then fails with OUT_OF_ORDER_SEQUENCE_NUMBER for as long as that producer
   * lives (tulios/kafkajs#598). A new producer has a new producer id and its own sequence numbers.
   */
  private async send(request: (producer: Producer) => Promise<unknown>): Promise<void> {
    await this.connect();
    const producer = this.producer;
    try {
      await request(producer);
    } catch (error) {
      if (producer === this.producer) this.replaceProducer();
      throw error;
    }
  }

  private newProducer(): Producer {
    return new Kafka(kafkaConfig(this.connection)).producer({
      idempotent: true,
      maxInFlightRequests: 5,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** Connects the current producer once; a failed attempt is forgotten, so the next call tries again. */
  private connect(): Promise<void> {
    if (this.connected) return this.connected;
    const attempt = this.producer.connect();
    this.connected = attempt;
    attempt.catch(() => {
      if (this.connected === attempt) this.connected = undefined;
    });
    return attempt;
  }
}
