import type { Kafka } from 'kafkajs';
import { freshName } from '../test-namespace';
import { testKafka } from './test-kafka';

/** One record as it lies on the broker: bytes, nothing decoded. */
export interface RawRecord {
  topic: string;
  partition: number;
  offset: string;
  /** The record's Kafka timestamp (epoch ms), set by its producer when it sent it. */
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer[]>;
}

/** Per partition (`topic/partition`), the offset the next record appended to it will get. */
export type TopicEnds = Map<string, bigint>;

/**
 * Reads every record of every topic whose name starts with `prefix`, dead-letter topics included,
 * from the beginning up to the end offsets of the moment it is called.
 */
export async function readTopics(brokers: string, prefix: string, timeoutMs = 60000): Promise<RawRecord[]> {
  const kafka = testKafka(brokers, 'topic-reader');
  const ranges = new Map<string, Range>();
  await withAdmin(kafka, async (admin) => {
    const topics = (await admin.listTopics()).filter((name) => name.startsWith(prefix));
    for (const topic of topics)
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic))
        ranges.set(`${topic}/${partition}`, { from: BigInt(low), to: BigInt(high) });
  });
  return readRanges(kafka, ranges, timeoutMs);
}

/** Where each partition of `topics` ends now: note it before something, to read what it appended later. */
export async function topicEnds(brokers: string, topics: string[]): Promise<TopicEnds> {
  const ends: TopicEnds = new Map();
  await withAdmin(testKafka(brokers, 'topic-reader'), async (admin) => {
    for (const topic of topics)
      for (const { partition, high } of await admin.fetchTopicOffsets(topic))
        ends.set(`${topic}/${partition}`, BigInt(high));
  });
  return ends;
}

/** Reads what the partitions of `since` (from `topicEnds`) took after it, up to their end offsets of now. */
export async function readTopicsSince(brokers: string, since: TopicEnds, timeoutMs = 60000): Promise<RawRecord[]> {
  const topics = [...new Set([...since.keys()].map(topicOf))];
  const now = await topicEnds(brokers, topics);
  const ranges = new Map([...now].map(([at, to]) => [at, { from: since.get(at) ?? 0n, to }]));
  return readRanges(testKafka(brokers, 'topic-reader'), ranges, timeoutMs);
}

/** The offsets of one partition to read: `from` up to, not including, `to`. */
interface Range {
  from: bigint;
  to: bigint;
}

async function readRanges(kafka: Kafka, all: Map<string, Range>, timeoutMs: number): Promise<RawRecord[]> {
  const ranges = new Map([...all].filter(([, { from, to }]) => to > from));
  const records: RawRecord[] = [];
  if (ranges.size === 0) return records;
  const consumer = kafka.consumer({ groupId: freshName('topic-reader'), sessionTimeout: 6000 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...new Set([...ranges.keys()].map(topicOf))], fromBeginning: true });
    const left = new Set(ranges.keys());
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`topics not read to their end: ${[...left].join(', ')}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const at = `${topic}/${partition}`;
          const range = ranges.get(at);
          const offset = BigInt(message.offset);
          if (!range || offset < range.from || offset >= range.to) return;
          records.push({
            topic,
            partition,
            offset: message.offset,
            timestamp: message.timestamp,
            key: message.key,
            value: message.value,
            headers: Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([name, value]) => [
                name,
                (Array.isArray(value) ? value : [value]).filter((v) => v !== undefined).map((v) => Buffer.from(v)),
              ]),
            ),
          });
          if (offset + 1n >= range.to) left.delete(at);
          if (left.size === 0) resolve();
        },
      });
    });
    for (const [at, { from }] of ranges)
      consumer.seek({ topic: topicOf(at), partition: Number(at.slice(at.lastIndexOf('/') + 1)), offset: String(from) });
    await done.finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
  }
  return records;
}

async function withAdmin(kafka: Kafka, use: (admin: ReturnType<Kafka['admin']>) => Promise<void>): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await use(admin);
  } finally {
    await admin.disconnect();
  }
}

function topicOf(at: string): string {
  return at.slice(0, at.lastIndexOf('/'));
}
