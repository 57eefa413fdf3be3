import { ALL_TOPICS } from '@nps/contracts';
import { expectEventually, freePort, freshName, freshTopicPrefix, ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';

const SERVICES = ['survey-dispatch', 'response-ingestion', 'scoring', 'root-cause-tagging', 'case-management'];

interface Running {
  name: string;
  schema: string;
  port: number;
  process: ServiceProcess;
}

// The whole platform as it is deployed: five processes, one broker, one database.
describe('the platform', () => {
  const topicPrefix = freshTopicPrefix();
  const db = new Client({ connectionString: testDatabaseUrl() });
  const running: Running[] = [];

  beforeAll(async () => {
    await db.connect();
    for (const name of SERVICES) {
      const port = await freePort();
      const schema = freshName(name.replaceAll('-', '_'));
      const env = { PORT: String(port), DB_SCHEMA: schema, KAFKA_TOPIC_PREFIX: topicPrefix, KAFKA_BROKERS: testKafkaBrokers(), DATABASE_URL: testDatabaseUrl() };
      running.push({ name, schema, port, process: ServiceProcess.start({ entry: `services/${name}/src/main.ts`, env }) });
    }
    await Promise.all(running.map((s) => s.process.waitForHttp(`http://127.0.0.1:${s.port}/health/ready`, 200, 120000)));
  }, 180000);

  afterAll(async () => {
    await Promise.all(running.map((s) => s.process.stop('SIGKILL')));
    await db.end();
  });

  it('has every service live and ready, with Postgres and Kafka checked', async () => {
    for (const service of running) {
      expect((await fetch(`http://127.0.0.1:${service.port}/health/live`)).status).toBe(200);
      const ready = await (await fetch(`http://127.0.0.1:${service.port}/health/ready`)).json();
      expect(ready).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
    }
  });

  it('ran each service migrations in its own schema at start-up', async () => {
    for (const service of running) {
      const tables = await db.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [service.schema]);
      expect(tables.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['inbox', 'migrations', 'outbox']));
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
    expect((await fetch(`http://127.0.0.1:${service.port}/no-such-page`)).status).toBe(404);
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
