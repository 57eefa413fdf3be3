import type { EncodedEvent } from '@nps/contracts';
import type { Producer } from 'kafkajs';
import { testKafka } from './test-kafka';

/** One encoded record of a logical topic, as a producer sends it. */
export interface EventRecord {
  topic: string;
  message: EncodedEvent;
  /** The partition to place it on, as a producer of its own choosing may; by default its key's. */
  partition?: number;
}

/**
 * Sends records into one topic namespace as an outside producer would: acknowledged by all
 * in-sync replicas, in the given order per topic (so per key).
 */
export class RecordProducer {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(
    brokers: string,
    private readonly topicPrefix: string,
  ) {
    const kafka = testKafka(brokers, 'test-producer');
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async send(records: EventRecord[]): Promise<void> {
    this.connected ??= this.producer.connect();
    await this.connected;
    const byTopic = new Map<string, Array<EncodedEvent & { partition?: number }>>();
    for (const { topic, message, partition } of records)
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), { ...message, partition }]);
    const topicMessages = [...byTopic].map(([topic, messages]) => ({
      topic: this.topicPrefix + topic,
      messages: [...messages],
    }));
    await this.producer.sendBatch({ acks: -1, topicMessages });
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }
}
