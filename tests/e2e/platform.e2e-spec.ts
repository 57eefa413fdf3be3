import { ALL_TOPICS } from '@nps/contracts';
import { expectEventually, freshTopicPrefix, PLATFORM_SERVICES, serviceBed, testKafkaBrokers } from '@nps/testing';
import { Kafka } from 'kafkajs';

const SERVICES = PLATFORM_SERVICES;

// The whole platform as it is deployed: five processes, one broker, one database.
describe('the platform', () => {
  const topicPrefix = freshTopicPrefix();
  // Request logs are at info level: the trace-id test reads them.
  const running = SERVICES.map((name) =>
    serviceBed({ service: name, topicPrefix, env: { LOG_LEVEL: 'info' }, autoStart: false, readyTimeoutMs: 120000 }),
  );

  beforeAll(async () => {
    await Promise.all(running.map((bed) => bed.start()));
  }, 180000);

  it('has every service live and ready, with Postgres and Kafka checked', async () => {
    for (const service of running) {
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
      const ready = await (await fetch(`${service.url}/health/ready`)).json();
      expect(ready).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
    }
  });

  it('ran each service migrations in its own schema at start-up', async () => {
    for (const service of running) {
      const tables = await service.db.query(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [service.schema],
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['inbox', 'migrations', 'outbox']),
      );
    }
  });

  it('created every declared topic and its dead-letter topic', async () => {
    const admin = new Kafka({ brokers: testKafkaBrokers().split(','), clientId: 'e2e' }).admin();
    await admin.connect();
    const topics = new Set(await admin.listTopics());
    await admin.disconnect();
    for (const topic of ALL_TOPICS) {
      expect(topics).toContain(`${topicPrefix}${topic.name}`);
      expect(topics).toContain(`${topicPrefix}${topic.name}.dlq`);
    }
  });

  it('logs JSON lines that carry the trace id of the request', async () => {
    const service = running[0];
    expect((await fetch(`${service.url}/no-such-page`)).status).toBe(404);
    await expectEventually(() => {
      const lines = service.process.output.split('\n').filter((line) => line.startsWith('{'));
      const requestLog = lines.map((line) => JSON.parse(line)).find((entry) => entry.req?.url === '/no-such-page');
      expect(requestLog).toMatchObject({ service: service.name, trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    });
  });

  it('drains and exits 0 on SIGTERM, and on SIGINT', async () => {
    const [first, ...rest] = running;
    expect(await first.process.stop('SIGINT')).toEqual({ code: 0, signal: null });
    const exits = await Promise.all(rest.map((s) => s.process.stop('SIGTERM')));
    expect(exits).toEqual(rest.map(() => ({ code: 0, signal: null })));
  });
});
