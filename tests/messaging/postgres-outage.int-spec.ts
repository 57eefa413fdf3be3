import { encodeEvent, Topics } from '@nps/contracts';
import { DeadLetterReplayer, EventPublisher } from '@nps/messaging';
import { anEvent, DisposablePostgres, expectEventually, freshSchema, serviceBed, testKafkaBrokers } from '@nps/testing';
import { Client } from 'pg';
import { LEDGER } from '../fixtures/ledger/ledger.definition';
import { CONSUMER_MODES } from './consumer.modes';

const CONSUMED = 1500;
const RELAYED = 1500;
const KEYS = 50;
const OUTAGE_MS = 30000;

// A 30 s Postgres outage in the middle of the flow — the consumer applying records, the outbox
// relay publishing — dead-letters nothing and loses nothing: both wait (readiness says so) and
// finish once Postgres is back. Postgres is a disposable cluster of the test's own.
// In batch mode the outage rolls the open batch back and the batch waits, as a single record does.
describe.each(CONSUMER_MODES)('a 30 s Postgres outage ($mode)', ({ env }) => {
  const bed = serviceBed({ service: LEDGER, autoStart: false });
  const brokers = testKafkaBrokers();
  let postgres: DisposablePostgres;

  beforeAll(async () => {
    postgres = await DisposablePostgres.start();
  }, 120000);

  afterAll(() => postgres?.dispose());

  const scalar = async (sql: string): Promise<number> => {
    const db = new Client({ connectionString: postgres.url() });
    await db.connect();
    try {
      return Number((await db.query(sql)).rows[0].n);
    } finally {
      await db.end();
    }
  };

  it('pauses the consumer and the relay, dead-letters nothing, and completes afterwards', async () => {
    const schema = await freshSchema('ledger', postgres.url());
    const topicPrefix = bed.topicPrefix;
    // Small relay batches, so the relay is still at work when Postgres goes away.
    const extraEnv = { ...env, DATABASE_URL: postgres.url(), OUTBOX_BATCH_SIZE: '5', CONSUMER_RETRY_BACKOFF_MS: '50' };
    const { url } = await bed.start({ ...extraEnv, DB_SCHEMA: schema });
    const effects = () => scalar(`SELECT count(DISTINCT event_id) AS n FROM "${schema}".effects`);
    const pending = () => scalar(`SELECT count(*) AS n FROM "${schema}".outbox`);

    const write = async (count: number) => {
      const body = JSON.stringify({ count, keys: KEYS, prefix: 'r' });
      const headers = { 'content-type': 'application/json' };
      const response = await fetch(`${url}/events`, { method: 'POST', headers, body });
      expect(response.status).toBe(201);
    };
    await publishDirectly(brokers, topicPrefix, CONSUMED);
    const fast = { timeoutMs: 60000, intervalMs: 20 };
    await expectEventually(async () => expect(await effects()).toBeGreaterThan(300), fast);
    // Written while the consumer is at work: the relay has them to publish when Postgres goes.
    await write(RELAYED);
    expect(await pending()).toBeGreaterThan(0);
    await postgres.halt();
    const outageEnds = Date.now() + OUTAGE_MS;
    // Readiness names the workers that wait; the process itself stays up.
    const ready = await expectEventually(
      async () => {
        const body = (await (await fetch(`${url}/health/ready`)).json()) as ReadinessBody;
        const waiting = Object.keys(body.details?.work?.waiting ?? {});
        expect(waiting).toEqual(expect.arrayContaining(['consumer', 'outbox relay']));
        return body;
      },
      { timeoutMs: 20000, intervalMs: 250 },
    );
    expect(ready.status).toBe('error');
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageEnds - Date.now())));
    await postgres.resume();

    const slow = { timeoutMs: 180000, intervalMs: 500 };
    await expectEventually(async () => expect(await pending()).toBe(0), slow);
    await expectEventually(async () => expect(await effects()).toBe(CONSUMED + RELAYED), slow);
    expect(await scalar(`SELECT count(*) AS n FROM "${schema}".effects`)).toBe(CONSUMED + RELAYED); // once each
    const readyAgain = async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    await expectEventually(readyAgain, { timeoutMs: 30000 });
    const replayer = new DeadLetterReplayer({ brokers, clientId: 'outage-test', topicPrefix });
    expect(await replayer.list(Topics.ResponseReceived.name)).toEqual([]);
  }, 420000);
});

async function publishDirectly(brokers: string, topicPrefix: string, count: number): Promise<void> {
  const publisher = new EventPublisher({ brokers, clientId: 'response-ingestion', topicPrefix });
  await publisher.onModuleInit();
  try {
    for (let start = 0; start < count; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - start) }, (_, i) => {
        const event = anEvent(Topics.ResponseReceived, { customerId: `c-${(start + i) % KEYS}` });
        return encodeEvent(Topics.ResponseReceived, event, { source: 'test' });
      });
      await publisher.publish(Topics.ResponseReceived.name, batch);
    }
  } finally {
    await publisher.onApplicationShutdown();
  }
}

interface ReadinessBody {
  status: string;
  details?: { work?: { waiting?: Record<string, unknown> } };
}
