import { freshName } from '../test-namespace';
import { testKafka } from './test-kafka';

/** One record as it lies on the broker: bytes, nothing decoded. */
export interface RawRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer[]>;
}

/**
 * Reads every record of every topic whose name starts with `prefix`, dead-letter topics included,
 * from the beginning up to the end offsets of the moment it is called.
 */
export async function readTopics(brokers: string, prefix: string, timeoutMs = 60000): Promise<RawRecord[]> {
  const kafka = testKafka(brokers, 'topic-reader');
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, bigint>();
  try {
    const topics = (await admin.listTopics()).filter((name) => name.startsWith(prefix));
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) ends.set(`${topic}/${partition}`, BigInt(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const records: RawRecord[] = [];
  if (ends.size === 0) return records;
  const consumer = kafka.consumer({ groupId: freshName('topic-reader'), sessionTimeout: 6000 });
  await consumer.connect();
  try {
    const topics = [...new Set([...ends.keys()].map((at) => at.slice(0, at.lastIndexOf('/'))))];
    await consumer.subscribe({ topics, fromBeginning: true });
    const left = new Set(ends.keys());
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`topics not read to their end: ${[...left].join(', ')}`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          records.push({
            topic,
            partition,
            offset: message.offset,
            key: message.key,
            value: message.value,
            headers: Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([name, value]) => [
                name,
                (Array.isArray(value) ? value : [value]).filter((v) => v !== undefined).map((v) => Buffer.from(v)),
              ]),
            ),
          });
          const at = `${topic}/${partition}`;
          if (BigInt(message.offset) + 1n >= (ends.get(at) ?? 0n)) left.delete(at);
          if (left.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await done;
  } finally {
    await consumer.disconnect();
  }
  return records;
}
