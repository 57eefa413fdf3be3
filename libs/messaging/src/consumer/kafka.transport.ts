import { type CustomTransportStrategy, KafkaContext, Server } from '@nestjs/microservices';
import { Kafka, type Consumer, type EachMessagePayload } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { kafkaConfig, physicalTopic, type KafkaConnection } from './kafka.options';

export interface KafkaTransportOptions extends KafkaConnection {
  /** Consumer group: one per service, so every instance of it shares the work. */
  groupId: string;
  /** Read from the beginning when the group has no committed offset yet (default true). */
  fromBeginning?: boolean;
  /** How long the group waits for a silent member before giving its partitions away. */
  sessionTimeoutMs?: number;
}

/**
 * A Nest custom transport over kafkajs that commits a message's offset only after its
 * `@EventPattern(topicName)` handler has finished. Stock Nest Kafka commits on its own
 * schedule; see docs/adr/0004-messaging-transport.md.
 */
export class KafkaTransport extends Server implements CustomTransportStrategy {
  private readonly kafka: Kafka;
  private consumer?: Consumer;

  constructor(private readonly options: KafkaTransportOptions) {
    super();
    this.kafka = new Kafka(kafkaConfig(options));
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private async start(): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length === 0) return;
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30000;
    this.consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout,
      heartbeatInterval: Math.min(3000, Math.floor(sessionTimeout / 3)),
      retry: { retries: 8 },
    });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: topics.map((topic) => physicalTopic(topic, this.options.topicPrefix)),
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({ autoCommit: false, eachMessage: (payload) => this.handle(payload) });
  }

  private async handle(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message, heartbeat } = payload;
    const logicalTopic = topic.slice((this.options.topicPrefix ?? '').length);
    const handler = this.getHandlerByPattern(logicalTopic);
    if (handler) {
      const context = new KafkaContext([message, partition, topic, this.consumer as never, heartbeat, undefined as never]);
      const result = await handler(message, context);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    }
    const next = (BigInt(message.offset) + 1n).toString();
    await this.consumer?.commitOffsets([{ topic, partition, offset: next }]);
  }

  /** Stops fetching, lets the message in flight finish and commit, then leaves the group. */
  async close(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  on(): never {
    throw new Error('KafkaTransport has no status events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}
