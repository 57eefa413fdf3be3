import type { DescMessage, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import { decodeEvent, encodeEvent, type ConsumedRecord, type EventTopic } from '@nps/contracts';
import { expectEventually } from '../expect-eventually';
import { freshName } from '../test-namespace';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { testKafka } from './test-kafka';

export interface Seen<T> {
  message: T;
  /** The record value as published, to check it carries no contact data. */
  bytes: Buffer;
  /** The record key, as published. */
  key: string;
  /** The CloudEvents id (the ce_id header): a redelivery on the wire carries the same one. */
  id: string;
  /** The W3C trace context the event carries on to its consumers, if any. */
  traceparent?: string;
}

/**
 * A test's window on a topic namespace (one KAFKA_TOPIC_PREFIX) of the real broker: publishes
 * events into it and records every event of the watched topics, decoded on demand.
 */
export class KafkaProbe {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private consumer?: Consumer;
  private watching?: Promise<void>;
  private closed?: Promise<void>;
  // Decoded once, on first read: a test polls events() many times over thousands of records.
  private readonly seen = new Map<string, { record: ConsumedRecord; decoded?: Seen<unknown> }[]>();

  constructor(
    brokers: string,
    private readonly topicPrefix: string,
  ) {
    this.kafka = testKafka(brokers, 'kafka-probe');
    this.producer = this.kafka.producer();
  }

  /** Starts reading `topics` from their beginning (call once the service created them); once per probe. */
  watch(topics: EventTopic[]): Promise<void> {
    this.watching ??= this.subscribe(topics);
    return this.watching;
  }

  /** Resolves once the probe reads its topics. */
  async ready(): Promise<void> {
    if (!this.watching) throw new Error('the probe watches nothing yet: call watch(), or start the bed that made it');
    await this.watching;
  }

  private async subscribe(topics: EventTopic[]): Promise<void> {
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: freshName('probe'), sessionTimeout: 6000 });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: topics.map((topic) => this.topicPrefix + topic.name),
      fromBeginning: true,
    });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const name = topic.slice(this.topicPrefix.length);
        const records = this.seen.get(name) ?? [];
        records.push({ record: { key: message.key, value: message.value, headers: message.headers } });
        this.seen.set(name, records);
      },
    });
  }

  async publish<Desc extends DescMessage>(topic: EventTopic<Desc>, message: MessageInitShape<Desc>): Promise<void> {
    const encoded = encodeEvent(topic, message, { source: 'urn:nps:test' });
    await this.producer.send({
      topic: this.topicPrefix + topic.name,
      messages: [{ key: encoded.key, value: encoded.value, headers: encoded.headers }],
    });
  }

  /** Every event of `topic` seen so far, decoded. */
  events<Desc extends DescMessage>(topic: EventTopic<Desc>): Seen<MessageShape<Desc>>[] {
    // A tombstone (key, no value) on a compacted topic is no event.
    const records = (this.seen.get(topic.name) ?? []).filter((entry) => entry.record.value !== null);
    return records.map((entry) => {
      entry.decoded ??= this.decode(topic, entry.record);
      return entry.decoded as Seen<MessageShape<Desc>>;
    });
  }

  private decode<Desc extends DescMessage>(topic: EventTopic<Desc>, record: ConsumedRecord): Seen<MessageShape<Desc>> {
    const decoded = decodeEvent(topic, record);
    const bytes = Buffer.from(record.value ?? []);
    const traceparent = decoded.otherHeaders.traceparent?.toString();
    return { bytes, message: decoded.message, key: decoded.key, id: decoded.attributes.id, traceparent };
  }

  /** Waits until events of `topic` matching `where` are seen, and returns them. */
  async eventually<Desc extends DescMessage>(
    topic: EventTopic<Desc>,
    where: (message: MessageShape<Desc>) => boolean,
    count = 1,
    timeoutMs = 20000,
  ): Promise<Seen<MessageShape<Desc>>[]> {
    await this.watching;
    return expectEventually(
      () => {
        const matching = this.events(topic).filter((seen) => where(seen.message));
        if (matching.length < count) throw new Error(`${matching.length} of ${count} ${topic.name} events seen`);
        return matching;
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** Stops reading; closing again does nothing. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      await this.watching?.catch(() => undefined);
      await this.consumer?.disconnect();
      await this.producer.disconnect();
    })();
    return this.closed;
  }
}
