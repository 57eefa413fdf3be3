import { Topics } from '@nps/contracts';
import {
  ensureTopics,
  EventTransactions,
  kafkaConfig,
  MessagingSettings,
  MessagingTables1763856000000,
  physicalTopic,
} from '@nps/messaging';
import { anEvent, freshSchema, freshTopicPrefix, migratedDataSource, testKafkaBrokers } from '@nps/testing';
import { type Admin, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';

/** A relay that runs, polls, and lets a batch take a minute; each spec overrides what it is about. */
const RELAY = {
  relayEnabled: true,
  relayBatchSize: 100,
  relayListens: false,
  relayIdleMs: 1000,
  relayLingerMs: 10,
  relayBatchTimeoutMs: 60000,
};

export interface OutboxBed {
  settings: MessagingSettings;
  /** Connected to the test database, the outbox and inbox of a fresh schema migrated. */
  dataSource: DataSource;
}

/** What an outbox relay spec stands on: its settings, a fresh outbox, and the response-received topic under a fresh prefix. */
export async function outboxBed(
  service: string,
  relay: Partial<MessagingSettings> = {},
  poolSize?: number,
): Promise<OutboxBed> {
  const schema = await freshSchema(service);
  const topicPrefix = freshTopicPrefix();
  const settings = Object.assign(new MessagingSettings(), { service, schema, topicPrefix, ...RELAY, ...relay });
  const dataSource = await migratedDataSource(schema, [MessagingTables1763856000000], poolSize);
  const admin = new Kafka(kafkaConfig({ brokers: testKafkaBrokers(), clientId: `${service}-test` })).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [Topics.ResponseReceived], topicPrefix);
  } finally {
    await admin.disconnect();
  }
  return { settings, dataSource };
}

/** Commits `count` response-received events of one customer (one key) in one transaction, as a service writes them. */
export async function publishEvents(bed: OutboxBed, customerId: string, count = 1): Promise<void> {
  await new EventTransactions(bed.dataSource, bed.settings).run(async (unitOfWork) => {
    for (let i = 0; i < count; i++) {
      unitOfWork.publish(Topics.ResponseReceived, anEvent(Topics.ResponseReceived, { customerId }));
    }
  });
}

/** How many records the bed's topic holds: its partitions' end offsets added up. */
export async function recordsOn(admin: Admin, bed: OutboxBed): Promise<number> {
  const topic = physicalTopic(Topics.ResponseReceived.name, bed.settings.topicPrefix);
  return (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
}
