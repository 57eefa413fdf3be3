import { decodeEvent, Topics } from '@nps/contracts';
import { kafkaConfig, physicalTopic } from '@nps/messaging';
import { expectEventually, TcpProxy, testDatabaseUrl } from '@nps/testing';
import { Kafka } from 'kafkajs';
import { ledgerBed } from '../fixtures/ledger/ledger.process';

const EVENTS = 3000;

// Two instances relay one outbox; the lock holder's connection is cut on the server's side only,
// so Postgres frees the lock while the holder hears nothing (no error event). The holder's proof
// before the next batch fails and it stops: one publisher at a time, so no event is sent twice.
describe('the outbox relay lock', () => {
  const bed = ledgerBed();
  const { db, brokers } = bed;
  let proxy: TcpProxy;

  beforeAll(async () => {
    proxy = await TcpProxy.start(Number(new URL(testDatabaseUrl()).port || 5432), new URL(testDatabaseUrl()).hostname);
  });

  afterAll(() => proxy?.close());

  it('keeps a single publisher after its connection dies silently', async () => {
    const { schema, topicPrefix } = await bed.namespace();
    const through = new URL(testDatabaseUrl());
    through.port = String(proxy.port);
    const extraEnv = { DATABASE_URL: through.toString(), OUTBOX_BATCH_SIZE: '5' };
    const start = () => bed.start({ schema, topicPrefix, extraEnv });
    const [first] = await Promise.all([start(), start()]);
    const pending = async () => Number((await db.query(`SELECT count(*) AS n FROM "${schema}".outbox`)).rows[0].n);

    const written = await fetch(`${first.url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: EVENTS, keys: 20, prefix: 'f' }),
    });
    expect(written.status).toBe(201);
    const fast = { timeoutMs: 60000, intervalMs: 20 };
    await expectEventually(async () => expect(await pending()).toBeLessThan(EVENTS - 200), fast);

    const holder = await lockHolder(schema);
    expect(proxy.sever(holder.clientPort)).toBe(true);
    // Postgres ends the session and frees the lock; the other instance takes it over.
    const takenOver = async () => expect((await lockHolder(schema)).pid).not.toBe(holder.pid);
    await expectEventually(takenOver, { timeoutMs: 30000, intervalMs: 100 });
    expect(await pending()).toBeGreaterThan(0); // the takeover happened mid-way
    await expectEventually(async () => expect(await pending()).toBe(0), { timeoutMs: 120000, intervalMs: 250 });

    const ids = await publishedEventIds(brokers, physicalTopic(Topics.ResponseReceived.name, topicPrefix));
    expect(new Set(ids).size).toBe(EVENTS);
    expect(ids).toHaveLength(EVENTS); // no batch went out twice: never two publishers at once
  }, 300000);

  async function lockHolder(schema: string): Promise<{ pid: number; clientPort: number }> {
    const { rows } = await db.query(
      `SELECT l.pid, a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.classid = (hashtext($1)::bigint & 4294967295)::oid`,
      [`${schema}:outbox-relay`],
    );
    if (rows.length !== 1) throw new Error(`${rows.length} holders of the relay lock`);
    return { pid: rows[0].pid, clientPort: rows[0].client_port };
  }
});

async function publishedEventIds(brokers: string, topic: string): Promise<string[]> {
  const kafka = new Kafka(kafkaConfig({ brokers, clientId: 'fencing-test' }));
  const admin = kafka.admin();
  await admin.connect();
  const total = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `fencing-test-${Date.now()}` });
  const ids: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => void ids.push(decodeEvent(Topics.ResponseReceived, message).message.eventId),
  });
  try {
    await expectEventually(() => expect(ids.length).toBe(total), { timeoutMs: 60000, intervalMs: 200 });
  } finally {
    await consumer.disconnect();
  }
  return ids;
}
