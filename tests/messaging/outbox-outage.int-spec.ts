import { decodeEvent, Topics } from '@nps/contracts';
import { kafkaConfig, physicalTopic } from '@nps/messaging';
import { expectEventually, LocalKafka, type ServiceBed, startServiceBed } from '@nps/testing';
import { Kafka } from 'kafkajs';
import { LEDGER } from '../fixtures/ledger/ledger.definition';

const EVENTS = 10000;
const KEYS = 50;
const OUTAGE_MS = 12000;
const BEFORE_OUTAGE = 2000;

// 10,000 events written through the outbox while the broker is down for more than 10 s in the
// middle: they wait in the outbox, and all reach Kafka afterwards, in write order for each key.
describe('the outbox across a broker outage', () => {
  let broker: LocalKafka;
  let bed: ServiceBed | undefined;

  beforeAll(async () => {
    broker = await LocalKafka.startDisposable();
  }, 120000);

  afterAll(async () => {
    await bed?.close();
    await broker.dispose();
  });

  it('delivers all 10,000 events, in order per key', async () => {
    const started = await startServiceBed({ service: LEDGER, kafkaBrokers: broker.brokers });
    bed = started;
    const { db, schema, topicPrefix } = started;
    const pending = async () => Number((await db.query(`SELECT count(*) AS n FROM "${schema}".outbox`)).rows[0].n);
    const consumed = async () => Number((await db.query(`SELECT count(*) AS n FROM "${schema}".effects`)).rows[0].n);

    const write = async (count: number) => {
      const body = JSON.stringify({ count, keys: KEYS, prefix: 'c' });
      const response = await fetch(`${started.url}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(201);
    };
    await write(BEFORE_OUTAGE);
    // Stop the broker once events flow end to end; write the rest while it is down.
    await expectEventually(async () => expect(await consumed()).toBeGreaterThan(500), {
      timeoutMs: 60000,
      intervalMs: 20,
    });
    await broker.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    await write(EVENTS - BEFORE_OUTAGE);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageEnds - Date.now())));
    expect(await pending()).toBeGreaterThanOrEqual(EVENTS - BEFORE_OUTAGE); // held back, not lost
    await broker.start();
    await expectEventually(async () => expect(await pending()).toBe(0), { timeoutMs: 120000, intervalMs: 250 });

    const comments = await readAll(broker.brokers, physicalTopic(Topics.ResponseReceived.name, topicPrefix));
    const firstSeen = new Map<string, number[]>();
    const seenIds = new Set<string>();
    for (const { eventId, comment } of comments) {
      if (seenIds.has(eventId)) continue; // an at-least-once resend; the inbox drops it
      seenIds.add(eventId);
      const [key, n] = comment.split(':');
      const sequence = firstSeen.get(key) ?? [];
      sequence.push(Number(n));
      firstSeen.set(key, sequence);
    }
    expect(seenIds.size).toBe(EVENTS);
    for (let k = 0; k < KEYS; k++) {
      const sequence = firstSeen.get(`c-${k}`) ?? [];
      expect(sequence).toEqual(Array.from({ length: EVENTS / KEYS }, (_, i) => i + 1));
    }
  }, 300000); // its own waits (flow, outage, drain) add up to more than the default 120 s
});

async function readAll(brokers: string, topic: string): Promise<{ eventId: string; comment: string }[]> {
  const kafka = new Kafka(kafkaConfig({ brokers, clientId: 'outage-test' }));
  const admin = kafka.admin();
  await admin.connect();
  const total = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `outage-test-${Date.now()}` });
  const received: { eventId: string; comment: string }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const { message: event } = decodeEvent(Topics.ResponseReceived, message);
      received.push({ eventId: event.eventId, comment: event.comment });
    },
  });
  try {
    await expectEventually(() => expect(received.length).toBe(total), { timeoutMs: 60000, intervalMs: 200 });
  } finally {
    await consumer.disconnect();
  }
  return received;
}
