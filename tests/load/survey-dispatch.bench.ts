// survey-dispatch throughput against the real broker, Postgres and an SMTP server:
//   1. customer import: BENCH_CUSTOMERS rows of CSV through POST /customers/import (validation,
//      upsert, outbox), then until every `customer upserted` is on Kafka;
//   2. dispatch: BENCH_SURVEYS `touchpoint recorded` events produced at once → contact policy →
//      survey request → scheduler → email accepted by the SMTP server → `survey dispatched` on
//      Kafka; once with one instance, once with two.
//
//   KAFKA_BROKERS=127.0.0.1:29092 npm run bench:survey-dispatch
//
// Settings: KAFKA_BROKERS, DATABASE_URL, BENCH_CUSTOMERS (20000), BENCH_SURVEYS (2000),
// BENCH_PARTITIONS (CONSUMER_PARTITIONS_CONCURRENTLY, 3), BENCH_TIMEOUT_MS. Figures: docs/benchmarks.md.
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Channel, encodeEvent, Topics } from '@nps/contracts';
import { EventPublisher, kafkaConfig } from '@nps/messaging';
import { ensureDatabase } from '@nps/persistence';
import { expectEventually, freePort, freshName, LocalIssuer, ServiceProcess } from '@nps/testing';
import { Kafka, type Consumer } from 'kafkajs';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { bestEffort } from './bench.cleanup';
import { checkKafka, deleteTopics } from './bench.events';
import { installCleanup, stopChild, tracked } from './bench.processes';
import { progress, round } from './bench.report';
import { loadAverage, writeBenchResult } from './bench.results';
import { runBench } from './bench.run';
import { type BenchTarget, benchTarget, positiveInt } from './bench.settings';

interface Settings extends BenchTarget {
  customers: number;
  surveys: number;
  partitions: number;
  timeoutMs: number;
}

function settingsFrom(env: NodeJS.ProcessEnv): Settings {
  const int = (name: string, fallback: number) => positiveInt(env, name, fallback);
  return {
    ...benchTarget(env),
    customers: int('BENCH_CUSTOMERS', 20000),
    surveys: int('BENCH_SURVEYS', 2000),
    partitions: int('BENCH_PARTITIONS', 3),
    timeoutMs: int('BENCH_TIMEOUT_MS', 15 * 60 * 1000),
  };
}

/** An SMTP server that accepts and counts messages (reading each to its end, parsing nothing). */
class SmtpSink {
  count = 0;
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          this.count++;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** Counts records per topic under a prefix. */
class TopicCounter {
  readonly counts = new Map<string, number>();
  private consumer?: Consumer;

  constructor(
    private readonly brokers: string,
    private readonly prefix: string,
  ) {}

  async start(topics: string[]): Promise<void> {
    this.consumer = new Kafka(kafkaConfig({ brokers: this.brokers, clientId: 'bench-counter' })).consumer({
      groupId: freshName('bench_counter'),
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: topics.map((topic) => this.prefix + topic), fromBeginning: true });
    await this.consumer.run({
      eachBatch: async ({ batch }) => {
        const topic = batch.topic.slice(this.prefix.length);
        this.counts.set(topic, (this.counts.get(topic) ?? 0) + batch.messages.length);
      },
    });
  }

  of(topic: string): number {
    return this.counts.get(topic) ?? 0;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function csv(ids: string[]): string {
  const rows = ids.map(
    (id, n) =>
      `${id},Customer ${n},${id}@example.com,+3161${String(n).padStart(7, '0')},${['en', 'nl', 'de'][n % 3]},consumer,benelux,gold,Europe/Amsterdam,${n % 7}`,
  );
  return ['customer_id,name,email,phone,language,segment,region,tier,time_zone,attr.cohort', ...rows].join('\n') + '\n';
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 600000): Promise<number> {
  await expectEventually(
    async () => {
      if (!(await done())) throw new Error(`waiting for ${what}`);
    },
    { timeoutMs, intervalMs: 50 },
  );
  return performance.now();
}

async function main(s: Settings): Promise<void> {
  installCleanup(s.timeoutMs);
  await checkKafka(s.brokers);
  await ensureDatabase(s.databaseUrl);
  const db = new Client({ connectionString: s.databaseUrl });
  await db.connect();
  const schema = freshName('bench_dispatch');
  const topicPrefix = `${freshName('sdbench')}.`;
  const smtp = new SmtpSink();
  const counter = new TopicCounter(s.brokers, topicPrefix);
  const publisher = new EventPublisher({ brokers: s.brokers, clientId: 'bench-touchpoints', topicPrefix });
  const services: ServiceProcess[] = [];
  const issuer = await LocalIssuer.start();
  const lines: string[] = [];
  const loadBefore = loadAverage();
  const dispatch: Record<string, number>[] = [];
  let customerImport: Record<string, number> = {};
  const startInstance = async () => {
    const port = await freePort();
    const service = tracked(
      ServiceProcess.start({
        entry: 'services/survey-dispatch/src/main.ts',
        env: {
          PORT: String(port),
          KAFKA_BROKERS: s.brokers,
          DATABASE_URL: s.databaseUrl,
          DB_SCHEMA: schema,
          KAFKA_TOPIC_PREFIX: topicPrefix,
          LOG_LEVEL: 'warn',
          SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
          QUIET_HOURS: 'off',
          CONTACT_CAP_DAYS: '0',
          SCHEDULER_POLL_MS: '100',
          CONSUMER_PARTITIONS_CONCURRENTLY: String(s.partitions),
          ...issuer.env,
        },
      }),
    );
    services.push(service);
    const url = `http://127.0.0.1:${port}`;
    await service.waitForHttp(`${url}/health/ready`, 200, 120000);
    return url;
  };
  try {
    await smtp.start();
    progress('starting survey-dispatch');
    const url = await startInstance();
    await counter.start([Topics.CustomerUpserted.name, Topics.SurveyDispatched.name]);
    await publisher.onModuleInit();

    progress(`phase 1: importing ${s.customers} customers`);
    const ids = Array.from({ length: s.customers }, (_, n) => `bench-${n}`);
    const body = csv(ids);
    const importStart = performance.now();
    const response = await fetch(`${url}/customers/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await issuer.clientToken('customers-writer')}` },
      body,
    });
    const report = (await response.json()) as { imported: number };
    const imported = performance.now();
    if (report.imported !== s.customers)
      throw new Error(`imported ${report.imported} of ${s.customers}: ${JSON.stringify(report).slice(0, 500)}`);
    const published = await until('customer upserted', () => counter.of(Topics.CustomerUpserted.name) >= s.customers);
    customerImport = {
      rows: s.customers,
      csvBytes: Buffer.byteLength(body),
      storedSeconds: round((imported - importStart) / 1000, 2),
      storedRowsPerSecond: rate(s.customers, imported - importStart),
      onKafkaSeconds: round((published - importStart) / 1000, 2),
      onKafkaRowsPerSecond: rate(s.customers, published - importStart),
    };
    lines.push(
      `customer import, ${s.customers} CSV rows (${(body.length / 1e6).toFixed(1)} MB): stored in ${sec(imported - importStart)} (${rate(s.customers, imported - importStart)} rows/s), ` +
        `all \`customer upserted\` on Kafka after ${sec(published - importStart)} (${rate(s.customers, published - importStart)} rows/s)`,
    );
    progress(lines[lines.length - 1]);

    for (const instances of [1, 2]) {
      if (instances === 2) {
        progress('starting a second instance');
        await startInstance();
      }
      const already = smtp.count;
      const dispatchedBefore = counter.of(Topics.SurveyDispatched.name);
      const batch = ids.slice((instances - 1) * s.surveys, instances * s.surveys).map((customerId) =>
        encodeEvent(
          Topics.TouchpointRecorded,
          {
            eventId: randomUUID(),
            occurredAt: timestampFromDate(new Date()),
            customerId,
            touchpointId: randomUUID(),
            type: 'order-delivered',
            channel: Channel.WEB,
          },
          { source: 'urn:nps:bench' },
        ),
      );
      progress(`phase 2: ${batch.length} touchpoints, ${instances} instance(s)`);
      const begin = performance.now();
      for (let i = 0; i < batch.length; i += 500)
        await publisher.publish(Topics.TouchpointRecorded.name, batch.slice(i, i + 500));
      const mailed = await until('emails', () => smtp.count - already >= batch.length);
      const dispatched = await until(
        'survey dispatched',
        () => counter.of(Topics.SurveyDispatched.name) - dispatchedBefore >= batch.length,
      );
      const sent = (await db.query(`SELECT count(*)::int AS n FROM "${schema}".survey_requests WHERE status = 'sent'`))
        .rows[0].n;
      dispatch.push({
        instances,
        touchpoints: batch.length,
        emailsAcceptedSeconds: round((mailed - begin) / 1000, 2),
        surveysPerSecond: rate(batch.length, mailed - begin),
        surveyDispatchedOnKafkaSeconds: round((dispatched - begin) / 1000, 2),
        emails: smtp.count - already,
        requestsSentInTotal: sent,
      });
      lines.push(
        `dispatch, ${batch.length} touchpoints at once, ${instances} instance(s): all emails accepted by SMTP after ${sec(mailed - begin)} (${rate(batch.length, mailed - begin)} surveys/s), ` +
          `all \`survey dispatched\` on Kafka after ${sec(dispatched - begin)}; ${smtp.count - already} emails, ${sent} requests sent in total`,
      );
      progress(lines[lines.length - 1]);
    }
  } finally {
    await bestEffort('stop counter', () => counter.stop());
    await bestEffort('stop publisher', () => publisher.onApplicationShutdown());
    for (const service of services) await stopChild(service);
    await issuer.stop();
    await bestEffort('stop smtp', () => smtp.stop());
    await bestEffort('drop schema', () => db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    await bestEffort('delete topics', () => deleteTopics(s.brokers, topicPrefix));
    await db.end();
  }
  process.stdout.write(
    `\nsurvey-dispatch: Kafka ${s.brokers}, ${cpus().length} cores, Node ${process.version}, CONSUMER_PARTITIONS_CONCURRENTLY=${s.partitions}, SEND_CONCURRENCY=4, load average ${loadBefore.toFixed(1)} before, ${loadAverage().toFixed(1)} after\n` +
      lines.map((line) => `- ${line}`).join('\n') +
      '\n',
  );
  const file = writeBenchResult('survey-dispatch', {
    command: 'npm run bench:survey-dispatch',
    settings: { ...s, sendConcurrency: 4 },
    figures: { customerImport, dispatch },
    loadBefore,
  });
  progress(`written to ${file}`);
}

function sec(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function rate(count: number, ms: number): number {
  return Math.round(count / (ms / 1000));
}

runBench(() => settingsFrom(process.env), main);
