import { randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { kafkaConfig, physicalTopic } from '@nps/messaging';
import { Kafka } from 'kafkajs';
import { percentile } from './bench.report';

/** The two events between a detractor's import and its case, each stamped by its relay's producer when sent. */
const HOP_TOPICS = [Topics.ResponseReceived.name, Topics.DetractorIdentified.name] as const;
const READ_TIMEOUT_MS = 60_000;

export interface HopPercentiles {
  p50Ms: number;
  p99Ms: number;
}

/**
 * Where a detractor's time to its case went: response-ingestion (the import's request until its relay sent
 * `response received`), scoring (until its relay sent `detractor identified`) and case-management (until
 * the case's `opened_at`). Each hop includes the consumer's fetch and the relay's wait of the service.
 */
export interface HopLatencies {
  ingestion: HopPercentiles;
  scoring: HopPercentiles;
  caseManagement: HopPercentiles;
}

/** Per customer: when the import was sent, when each event was published, when the case was opened (epoch ms). */
export interface DetractorTimes {
  sent: Map<string, number>;
  received: Map<string, number>;
  identified: Map<string, number>;
  opened: Map<string, number>;
}

export function hopLatencies(t: DetractorTimes): HopLatencies {
  const hop = (from: Map<string, number>, to: Map<string, number>): HopPercentiles => {
    const durations = [...t.sent.keys()].map((customer) => {
      const [start, end] = [from.get(customer), to.get(customer)];
      if (start === undefined || end === undefined) throw new Error(`no hop time for detractor ${customer}`);
      return end - start;
    });
    durations.sort((a, b) => a - b);
    return { p50Ms: percentile(durations, 50), p99Ms: percentile(durations, 99) };
  };
  return {
    ingestion: hop(t.sent, t.received),
    scoring: hop(t.received, t.identified),
    caseManagement: hop(t.identified, t.opened),
  };
}

/** Per topic, where each partition ends (the offset the next record gets). */
type TopicOffsets = Map<string, { partition: number; offset: string }[]>;

function offsetOf(offsets: TopicOffsets, topic: string, partition: number): bigint {
  return BigInt(offsets.get(topic)?.find((p) => p.partition === partition)?.offset ?? '0');
}

/**
 * The publish times of a phase's events: `mark()` before the phase notes where the two topics end, `read()`
 * after it reads what was appended since (so the reading costs the phase nothing) and keeps, per key, the
 * first record's timestamp.
 */
export class PublishTimes {
  private readonly kafka: Kafka;
  private readonly topics: string[];
  private starts: TopicOffsets = new Map();

  constructor(brokers: string, topicPrefix: string) {
    this.kafka = new Kafka(kafkaConfig({ brokers, clientId: 'bench-hops' }));
    this.topics = HOP_TOPICS.map((name) => physicalTopic(name, topicPrefix));
  }

  async mark(): Promise<void> {
    this.starts = await this.endOffsets();
  }

  /** `received` and `identified` times of the keys `wanted` accepts. */
  async read(wanted: (key: string) => boolean): Promise<Pick<DetractorTimes, 'received' | 'identified'>> {
    const ends = await this.endOffsets();
    const times = this.topics.map(() => new Map<string, number>());
    const left = new Set<string>();
    for (const [topic, offsets] of ends)
      for (const { partition, offset } of offsets)
        if (BigInt(offset) > offsetOf(this.starts, topic, partition)) left.add(`${topic}/${partition}`);
    const consumer = this.kafka.consumer({ groupId: `bench-hops-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    try {
      let done!: () => void;
      const allRead = new Promise<void>((resolve) => (done = resolve));
      if (left.size === 0) done();
      await consumer.subscribe({ topics: this.topics });
      await consumer.run({
        eachBatch: async ({ batch }) => {
          const byKey = times[this.topics.indexOf(batch.topic)];
          const end = offsetOf(ends, batch.topic, batch.partition);
          for (const message of batch.messages) {
            const key = message.key?.toString() ?? '';
            if (wanted(key) && !byKey.has(key)) byKey.set(key, Number(message.timestamp));
            if (BigInt(message.offset) + 1n >= end) left.delete(`${batch.topic}/${batch.partition}`);
          }
          if (left.size === 0) done();
        },
      });
      for (const [topic, offsets] of this.starts)
        for (const { partition, offset } of offsets) consumer.seek({ topic, partition, offset });
      await Promise.race([
        allRead,
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error(`publish times: ${left.size} partitions not read`)),
            READ_TIMEOUT_MS,
          ).unref(),
        ),
      ]);
    } finally {
      await consumer.disconnect();
    }
    return { received: times[0], identified: times[1] };
  }

  private async endOffsets(): Promise<TopicOffsets> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ends: TopicOffsets = new Map();
      for (const topic of this.topics) ends.set(topic, await admin.fetchTopicOffsets(topic));
      return ends;
    } finally {
      await admin.disconnect();
    }
  }
}
