import { randomUUID } from 'node:crypto';
import { decodeEvent, type EventTopic } from '@nps/contracts';
import { kafkaConfig, physicalTopic } from '@nps/messaging';
import { expectEventually } from '@nps/testing';
import { Kafka } from 'kafkajs';
import type { CaseManagementBed } from './case-management.bed';

export interface ReadRecord {
  topic: string;
  key: string;
  event: unknown;
  raw: Buffer;
}

/** Reads the bed's topics from the beginning until `enough` holds, then returns what arrived (decoded). */
export async function readTopics(bed: CaseManagementBed, topics: EventTopic[], enough: (records: ReadRecord[]) => boolean, timeoutMs = 30000): Promise<ReadRecord[]> {
  const consumer = new Kafka(kafkaConfig({ brokers: bed.brokers, clientId: 'case-management-test-reader' })).consumer({ groupId: `reader-${randomUUID()}` });
  const records: ReadRecord[] = [];
  const byName = new Map(topics.map((topic) => [physicalTopic(topic.name, bed.topicPrefix), topic]));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...byName.keys()], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const spec = byName.get(topic);
        if (!spec) return;
        const decoded = decodeEvent(spec, message);
        records.push({ topic: spec.name, key: message.key?.toString() ?? '', event: decoded.message, raw: message.value ?? Buffer.alloc(0) });
      },
    });
    await expectEventually(() => expect(enough(records)).toBe(true), { timeoutMs, intervalMs: 200 });
    return records;
  } finally {
    await consumer.disconnect();
  }
}
