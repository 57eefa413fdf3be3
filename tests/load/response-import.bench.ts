// Response-ingestion on its own: rows/s of a bulk import (`POST /imports`: parse, validate, store,
// queue in the outbox), then answers/s and CPU per answer of the JSON API (`POST /responses`, one
// answer per request, then `POST /responses/batch`); and the check that the topic holds exactly one event per accepted answer.
//
//   npm run bench:import
//
// Reads KAFKA_BROKERS, DATABASE_URL (bench.settings.ts), BENCH_IMPORT_ROWS (100000),
// BENCH_API_ANSWERS (5000), BENCH_API_CONCURRENCY (32), BENCH_API_BATCH (100 answers per batch),
// BENCH_API_BATCH_CONCURRENCY (8), BENCH_TIMEOUT_MS. Figures: docs/benchmarks.md.
import { Topics } from '@nps/contracts';
import { ensureDatabase } from '@nps/persistence';
import { freePort, freshName, LocalIssuer, ServiceProcess } from '@nps/testing';
import { cpus } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { bestEffort } from './bench.cleanup';
import { deleteTopics } from './bench.events';
import { installCleanup, stopChild, tracked } from './bench.processes';
import { progress, round } from './bench.report';
import { commit, loadAverage, writeBenchResult } from './bench.results';
import { benchSettings } from './bench.settings';
import { apiPhase } from './response-api.phase';

const REJECT_EVERY = 1000;

async function main(): Promise<void> {
  const settings = benchSettings();
  const rows = Number(process.env.BENCH_IMPORT_ROWS || 100_000);
  const apiAnswers = Number(process.env.BENCH_API_ANSWERS || 5000);
  const apiConcurrency = Number(process.env.BENCH_API_CONCURRENCY || 32);
  const apiBatch = Number(process.env.BENCH_API_BATCH || 100);
  const apiBatchConcurrency = Number(process.env.BENCH_API_BATCH_CONCURRENCY || 8);
  installCleanup(settings.timeoutMs);
  await ensureDatabase(settings.databaseUrl);
  const schema = freshName('bench_import');
  const topicPrefix = `${freshName('bench_import')}.`;
  const db = new Client({ connectionString: settings.databaseUrl });
  await db.connect();
  const port = await freePort();
  const issuer = await LocalIssuer.start();
  const service = tracked(
    ServiceProcess.start({
      entry: 'services/response-ingestion/src/main.ts',
      env: {
        PORT: String(port),
        KAFKA_BROKERS: settings.brokers,
        DATABASE_URL: settings.databaseUrl,
        DB_SCHEMA: schema,
        KAFKA_TOPIC_PREFIX: topicPrefix,
        LOG_LEVEL: 'warn',
        ...issuer.env,
        // One client address and one bearer token send every API answer: the public limits would refuse most.
        RATE_LIMIT_PER_ADDRESS: '100000000',
        RATE_LIMIT_PER_SUBJECT: '100000000',
        RATE_LIMIT_ANSWERS_PER_CLIENT: '100000000',
      },
    }),
  );
  try {
    await service.waitForHttp(`http://127.0.0.1:${port}/health/ready`, 200, 120000);
    const { csv, accepted } = historicalCsv(rows);
    progress(`importing ${rows} rows (${(csv.length / 1e6).toFixed(1)} MB CSV)`);
    const loadBefore = loadAverage();
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/imports?importId=bench`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await issuer.clientToken('importer')}` },
      body: csv,
    });
    const report = (await response.json()) as { accepted: number; published: number; rejected: number };
    const imported = performance.now();
    if (response.status !== 200 || report.accepted !== accepted || report.published !== accepted)
      throw new Error(`unexpected report: ${JSON.stringify(report)}`);
    progress(`imported in ${((imported - started) / 1000).toFixed(1)} s; waiting for Kafka`);
    const topic = `${topicPrefix}${Topics.ResponseReceived.name}`;
    const onKafka = await waitForTopicCount(settings.brokers, topic, accepted, settings.stallMs);
    const published = performance.now();
    progress(`POST /responses: ${apiAnswers} answers, ${apiConcurrency} in flight`);
    const target = {
      url: `http://127.0.0.1:${port}`,
      token: await issuer.clientToken('responses-writer'),
      answers: apiAnswers,
      pid: service.pid,
      retryForMs: settings.stallMs,
    };
    const api = await apiPhase({ ...target, concurrency: apiConcurrency, batch: 1 });
    progress(`POST /responses/batch: ${apiAnswers} answers, ${apiBatch} per request, ${apiBatchConcurrency} in flight`);
    const apiBatched = await apiPhase({ ...target, concurrency: apiBatchConcurrency, batch: apiBatch });
    const apiExpected = accepted + api.warmUp + apiAnswers + apiBatched.warmUp + apiAnswers;
    const apiOnKafka = await waitForTopicCount(settings.brokers, topic, apiExpected, settings.stallMs);
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    const importBatchSize = Number(process.env.IMPORT_BATCH_SIZE || 2000);
    process.stdout.write(
      `\nresponse import: ${rows} CSV rows (${report.rejected} rejected, ${report.accepted} accepted), IMPORT_BATCH_SIZE ${importBatchSize}, ` +
        `${cpus().length} cores, Node ${process.version}, commit ${commit()}, load average ${loadBefore.toFixed(1)} before, ${loadAverage().toFixed(1)} after\n\n` +
        `| phase | seconds | rows/s |\n|---|---|---|\n` +
        `| POST /imports (parse, validate, store, outbox) | ${seconds(imported - started)} | ${Math.round(rows / ((imported - started) / 1000))} |\n` +
        `| until every accepted row is on Kafka | ${seconds(published - started)} | ${Math.round(rows / ((published - started) / 1000))} |\n\n` +
        `events on ${Topics.ResponseReceived.name}: ${onKafka} = accepted rows ${accepted}: ${onKafka === accepted ? 'yes' : 'NO'}\n\n` +
        `POST /responses, ${apiAnswers} answers (after ${api.warmUp} not timed), ${apiConcurrency} in flight: ` +
        `${api.seconds} s, **${api.answersPerSecond} answers/s**, service CPU ${api.serviceCpuMsPerAnswer} ms per answer, ` +
        `${api.retriedAfter503} retried after a 503\n` +
        `POST /responses/batch, ${apiAnswers} answers (after ${apiBatched.warmUp} not timed), ${apiBatch} per request, ` +
        `${apiBatchConcurrency} in flight: ${apiBatched.seconds} s, **${apiBatched.answersPerSecond} answers/s**, ` +
        `service CPU ${apiBatched.serviceCpuMsPerAnswer} ms per answer, ${apiBatched.retriedAfter503} retried after a 503\n` +
        `events on Kafka after it: ${apiOnKafka} = ${apiExpected}: ${apiOnKafka === apiExpected ? 'yes' : 'NO'}\n`,
    );
    if (onKafka !== accepted || apiOnKafka !== apiExpected) {
      process.exitCode = 1;
      return;
    }
    const phase = (name: string, ms: number) => ({
      phase: name,
      seconds: round(ms / 1000, 2),
      rowsPerSecond: Math.round(rows / (ms / 1000)),
    });
    const file = writeBenchResult('response-import', {
      command: 'npm run bench:import',
      settings: {
        brokers: settings.brokers,
        rows,
        importBatchSize,
        rejectEvery: REJECT_EVERY,
        apiAnswers,
        apiConcurrency,
        apiBatch,
        apiBatchConcurrency,
      },
      figures: {
        rows,
        accepted: report.accepted,
        rejected: report.rejected,
        phases: [
          phase('POST /imports (parse, validate, store, outbox)', imported - started),
          phase('until every accepted row is on Kafka', published - started),
        ],
        eventsOnKafka: onKafka,
        api,
        apiBatched,
        eventsOnKafkaAfterApi: apiOnKafka,
      },
      loadBefore,
    });
    progress(`written to ${file}`);
  } finally {
    await stopChild(service);
    await issuer.stop();
    await bestEffort('drop schema', () => db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    await bestEffort('delete topics', () => deleteTopics(settings.brokers, topicPrefix));
    await db.end();
  }
}

/** `rows` answers spread over 1,000 customers and three languages; every 1,000th has a bad score. */
function historicalCsv(rows: number): { csv: string; accepted: number } {
  const lines = ['customer_id,score,answered_at,language,comment,channel,touchpoint_type'];
  const start = Date.UTC(2023, 0, 1);
  let rejected = 0;
  for (let i = 1; i <= rows; i++) {
    const bad = i % REJECT_EVERY === 0;
    if (bad) rejected++;
    lines.push(
      `c-${i % 1000},${bad ? '11' : i % 11},${new Date(start + i * 60_000).toISOString()},${['en', 'nl', 'de'][i % 3]},"comment number ${i}",email,order-delivered`,
    );
  }
  return { csv: `${lines.join('\n')}\n`, accepted: rows - rejected };
}

/** Polls the topic's end offsets until they add up to `expected` (and stay there for a moment). */
async function waitForTopicCount(brokers: string, topic: string, expected: number, stallMs: number): Promise<number> {
  const admin = new Kafka({
    brokers: brokers.split(','),
    clientId: 'bench-import',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const countOnTopic = async () =>
      (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    let last = -1;
    let lastChange = Date.now();
    for (;;) {
      // A topic the relay has just created may not have its leaders yet: that is no count, not a failure.
      const count = await countOnTopic().catch((error: { retriable?: boolean }) => {
        if (error.retriable) return Math.max(last, 0);
        throw error;
      });
      if (count !== last) [last, lastChange] = [count, Date.now()];
      if (count >= expected) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        return await countOnTopic();
      }
      if (Date.now() - lastChange > stallMs) throw new Error(`stalled at ${count} of ${expected} events on ${topic}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
