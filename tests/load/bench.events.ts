import { type EncodedEvent, encodeEvent, Topics } from '@nps/contracts';
import { type EventPublisher, ensureTopics, kafkaConfig } from '@nps/messaging';
import { anEvent, expectEventually } from '@nps/testing';
import { Kafka } from 'kafkajs';

/** Records the relay would publish per send: the outbox relay's default batch (OUTBOX_BATCH_SIZE). */
const SEND_BATCH = 500;

/**
 * `count` encoded `response received` events, spread round-robin over `keys` customers the way
 * the ledger's POST /events spreads them, comment `<key>:<n>`. Encoded before any clock starts.
 */
export function encodedEvents(count: number, keys: number, prefix: string): EncodedEvent[] {
  const counters = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    const key = `${prefix}-${i % keys}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return encodeEvent(
      Topics.ResponseReceived,
      anEvent(Topics.ResponseReceived, { customerId: key, comment: `${key}:${n}` }),
      { source: 'urn:nps:bench' },
    );
  });
}

/** Publishes the events to `response received` (under the publisher's prefix) in relay-sized sends. */
export async function produce(publisher: EventPublisher, events: EncodedEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += SEND_BATCH) {
    await publisher.publish(Topics.ResponseReceived.name, events.slice(start, start + SEND_BATCH));
  }
}

/**
 * Creates `response received` (and its dead-letter topic) under `prefix`, as the services would.
 * Retried: right after a create, kafkajs can ask for metadata the broker has not caught up on.
 */
export async function createResponseTopic(brokers: string, prefix: string): Promise<void> {
  const admin = new Kafka(kafkaConfig({ brokers, clientId: 'bench' })).admin();
  await admin.connect();
  try {
    await expectEventually(() => ensureTopics(admin, [Topics.ResponseReceived], prefix), {
      timeoutMs: 30000,
      intervalMs: 1000,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Fails fast, with what to do, when nothing answers at `brokers`. */
export async function checkKafka(brokers: string): Promise<void> {
  const admin = new Kafka({ ...kafkaConfig({ brokers, clientId: 'bench' }), retry: { retries: 1 } }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } catch (error) {
    throw new Error(
      `Kafka at ${brokers} does not answer (${(error as Error).message}); start one: KAFKA_PORT=29092 bash deploy/local/kafka.sh start`,
    );
  } finally {
    await admin.disconnect();
  }
}

/** Deletes every topic under `prefix`, so repeated runs leave the broker as they found it. */
export async function deleteTopics(brokers: string, prefix: string): Promise<void> {
  const admin = new Kafka(kafkaConfig({ brokers, clientId: 'bench' })).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30000 });
  } finally {
    await admin.disconnect();
  }
}
