import { decodeEvent, Topics } from '@nps/contracts';
import { EventPublisher, EventTransactions, type MessagingSettings, OutboxRelay } from '@nps/messaging';
import { dataSourceOptions } from '@nps/persistence';
import { anEvent, expectEventually, readTopics, TcpProxy, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import { DataSource } from 'typeorm';
import { outboxBed } from './outbox.bed';

const EVENTS = 3000;
const PER_TRANSACTION = 100;

interface Instance {
  name: string;
  dataSource: DataSource;
  publisher: EventPublisher;
  relay: OutboxRelay;
}

// Two instances relay one outbox; the lock holder's connection is cut on the server's side only,
// so Postgres frees the lock while the holder hears nothing (no error event). The holder's proof
// before its next batch fails and it stops: batches come from one instance, then the other, never
// both, and no event reaches the topic twice.
describe('the outbox relay lock', () => {
  const brokers = testKafkaBrokers();
  const instances: Instance[] = [];
  let proxy: TcpProxy;
  let direct: DataSource;
  let settings: MessagingSettings;
  const batches: string[] = [];

  beforeAll(async () => {
    const database = new URL(testDatabaseUrl());
    proxy = await TcpProxy.start(Number(database.port || 5432), database.hostname);
    ({ settings, dataSource: direct } = await outboxBed('fencing', { relayBatchSize: 5, relayListens: true }));
    database.port = String(proxy.port);
    for (const name of ['a', 'b']) instances.push(await startInstance(name, database.toString()));
  });

  afterAll(async () => {
    for (const { relay, publisher } of instances) {
      await relay.beforeApplicationShutdown();
      await publisher.onApplicationShutdown();
    }
    await proxy?.close(); // first: a pool waits for its severed connection to close
    await Promise.all(instances.map(({ dataSource }) => dataSource.destroy().catch(() => undefined)));
    await direct?.destroy();
  });

  async function startInstance(name: string, url: string): Promise<Instance> {
    const { schema } = settings;
    const dataSource = new DataSource(dataSourceOptions({ url, schema, entities: [], migrations: [] }));
    await dataSource.initialize();
    const publisher = new EventPublisher({ brokers, clientId: `fencing-${name}`, topicPrefix: settings.topicPrefix });
    await publisher.onModuleInit();
    const publishInOrder = publisher.publishInOrder.bind(publisher);
    publisher.publishInOrder = async (records) => {
      batches.push(name);
      await publishInOrder(records);
    };
    return { name, dataSource, publisher, relay: new OutboxRelay(dataSource, publisher, settings) };
  }

  it('keeps a single publisher after the lock connection dies silently', async () => {
    const transactions = new EventTransactions(direct, settings);
    for (let written = 0; written < EVENTS; written += PER_TRANSACTION) {
      await transactions.run(async (unitOfWork) => {
        for (let i = 0; i < PER_TRANSACTION; i++) {
          unitOfWork.publish(Topics.ResponseReceived, anEvent(Topics.ResponseReceived, { customerId: `c-${i % 20}` }));
        }
      });
    }
    const outbox = `"${settings.schema}".outbox`;
    const pending = async () => Number((await direct.query(`SELECT count(*) AS n FROM ${outbox}`))[0].n);
    instances.forEach(({ relay }) => relay.onApplicationBootstrap());
    const relaying = async () => expect(await pending()).toBeLessThan(EVENTS - 200);
    await expectEventually(relaying, { timeoutMs: 60000, intervalMs: 20 });

    const holder = await lockHolder();
    expect(proxy.sever(holder.clientPort)).toBe(true);
    const takenOver = async () => expect((await lockHolder()).pid).not.toBe(holder.pid);
    await expectEventually(takenOver, { timeoutMs: 30000, intervalMs: 100 });
    expect(await pending()).toBeGreaterThan(0); // the takeover happened mid-way
    await expectEventually(async () => expect(await pending()).toBe(0), { timeoutMs: 120000, intervalMs: 250 });

    const handovers = batches.filter((name, i) => i > 0 && name !== batches[i - 1]).length;
    expect(handovers).toBe(1); // one instance's batches, then only the other's
    const ids = await publishedEventIds();
    expect(new Set(ids).size).toBe(EVENTS);
    expect(ids).toHaveLength(EVENTS); // no batch went out twice
  }, 300000);

  async function lockHolder(): Promise<{ pid: number; clientPort: number }> {
    const rows = await direct.query(
      `SELECT l.pid, a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.classid = (hashtext($1)::bigint & 4294967295)::oid`,
      [`${settings.schema}:outbox-relay`],
    );
    if (rows.length !== 1) throw new Error(`${rows.length} holders of the relay lock`);
    return { pid: rows[0].pid, clientPort: rows[0].client_port };
  }

  /** The event ids on the bed's topic, every record to its end offsets. */
  async function publishedEventIds(): Promise<string[]> {
    const records = await readTopics(brokers, settings.topicPrefix);
    return records.map((record) => decodeEvent(Topics.ResponseReceived, record).message.eventId);
  }
});
