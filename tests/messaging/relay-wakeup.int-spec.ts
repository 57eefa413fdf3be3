import { Topics } from '@nps/contracts';
import { EventPublisher, EventTransactions, type MessagingSettings, OutboxRelay } from '@nps/messaging';
import { anEvent, expectEventually, testKafkaBrokers } from '@nps/testing';
import type { DataSource } from 'typeorm';
import { outboxBed, publishEvents } from './outbox.bed';

// The relay's safety-net poll is an hour away, so only the NOTIFY of a committed outbox insert
// can make it publish within the test (outbox.writer.ts, relay.lock.ts, ADR 0050).
describe('the outbox relay, listening', () => {
  const brokers = testKafkaBrokers();
  const published: string[][] = [];
  let dataSource: DataSource;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  let settings: MessagingSettings;

  beforeAll(async () => {
    // Two connections: the relay's lock session and one for everything else.
    ({ settings, dataSource } = await outboxBed('wakeup', { relayListens: true, relayIdleMs: 3600000 }, 2));
    const { topicPrefix } = settings;
    publisher = new EventPublisher({ brokers, clientId: 'wakeup', topicPrefix });
    await publisher.onModuleInit();
    const publishInOrder = publisher.publishInOrder.bind(publisher);
    publisher.publishInOrder = async (records) => {
      published.push(records.map((record) => String(record.message.key)));
      await publishInOrder(records);
    };
    relay = new OutboxRelay(dataSource, publisher, settings);
    relay.onApplicationBootstrap();
  });

  afterAll(async () => {
    await publisher?.onApplicationShutdown();
    await dataSource?.destroy();
  });

  it('publishes each committed event at once, and nothing for a rolled-back one', async () => {
    const transactions = new EventTransactions(dataSource, settings);
    const publish = (customerId: string) => publishEvents({ dataSource, settings }, customerId);
    await publish('c-first');
    await expectEventually(() => expect(published.flat()).toEqual(['c-first']), { timeoutMs: 15000 });

    await expect(
      transactions.run(async (unitOfWork) => {
        unitOfWork.publish(Topics.ResponseReceived, anEvent(Topics.ResponseReceived, { customerId: 'c-rolled-back' }));
        await unitOfWork.flush();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await publish('c-second');
    await expectEventually(() => expect(published.flat()).toEqual(['c-first', 'c-second']), { timeoutMs: 15000 });
  });

  it('while commits keep coming, reads the outbox every 50 ms rather than once per commit', async () => {
    const before = published.length;
    const started = performance.now();
    for (let i = 0; i < 60; i++) {
      await publishEvents({ dataSource, settings }, `c-busy-${i}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const committingMs = performance.now() - started;
    await expectEventually(() => expect(published.flat()).toContain('c-busy-59'), { timeoutMs: 15000 });
    const rounds = published.length - before;
    // Woken once per commit it would publish in about one round per commit (5–15 ms apart).
    expect(rounds).toBeLessThanOrEqual(Math.ceil(committingMs / 50) + 3);
    expect(published.slice(before).flat()).toEqual(Array.from({ length: 60 }, (_, i) => `c-busy-${i}`));
  });

  it('reads the outbox only when woken while idle, instead of every 50 ms', async () => {
    const relayOnce = jest.spyOn(relay, 'relayOnce');
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Polling would have read about twenty times; the round after the last publish may still come.
      expect(relayOnce.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      relayOnce.mockRestore();
    }
  });

  it('gives its connection back to the pool neither locked nor listening', async () => {
    await relay.beforeApplicationShutdown();
    const runners = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    try {
      // Both pool connections at once, so the former lock session is one of them.
      const sessions = await Promise.all(
        runners.map((runner) =>
          runner.query(`SELECT pg_backend_pid() AS pid, array(SELECT pg_listening_channels()) AS channels`),
        ),
      );
      expect(sessions.map(([session]) => session.channels)).toEqual([[], []]);
      const locks = await runners[0].query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'
        AND pid = ANY($1::int[])`,
        [sessions.map(([session]) => session.pid)],
      );
      expect(locks[0].n).toBe(0);
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
  });
});
