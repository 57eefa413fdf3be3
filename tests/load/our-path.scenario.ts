import { EventPublisher } from '@nps/messaging';
import { freePort, freshName, freshSchema, freshTopicPrefix, ServiceProcess } from '@nps/testing';
import type { Client } from 'pg';
import { bestEffort } from './bench.cleanup';
import { CpuMeter } from './cpu.meter';
import { deleteTopics, encodedEvents, produce } from './bench.events';
import { stopChild, tracked } from './bench.processes';
import { type PathResult, rate, secondsSince } from './bench.report';
import type { BenchSettings } from './bench.settings';
import { appliedWindow, EffectsProbe, type WaitOptions, windowNotes } from './effects.probe';

/** One running ledger and what a phase needs to measure it. */
interface LedgerRun {
  settings: BenchSettings;
  db: Client;
  schema: string;
  topicPrefix: string;
  url: string;
  probe: EffectsProbe;
  wait: WaitOptions;
  label: string;
  pid: number | undefined;
}

/**
 * Our path, in the ledger fixture (per-record mode, or batch mode with `batchSize` > 1) (a service built like the real ones): events written through
 * the outbox by POST /events, relayed to Kafka, consumed by KafkaTransport into `effects`. Then,
 * in the same process, a consume-only phase fed straight to the topic, like the stock path.
 */
export async function measureOurPath(
  settings: BenchSettings,
  db: Client,
  partitionsConcurrently: number,
  batchSize = 1,
): Promise<PathResult[]> {
  const schema = await freshSchema('bench_ledger', settings.databaseUrl);
  const topicPrefix = freshTopicPrefix('bench');
  let ledger: ServiceProcess | undefined;
  try {
    const port = await freePort();
    // startLedger's settings, but the process is tracked before the wait, so a failed start is killed too.
    ledger = tracked(
      ServiceProcess.start({
        entry: 'tests/fixtures/ledger/main.ts',
        env: {
          PORT: String(port),
          KAFKA_BROKERS: settings.brokers,
          DATABASE_URL: settings.databaseUrl,
          DB_SCHEMA: schema,
          KAFKA_TOPIC_PREFIX: topicPrefix,
          KAFKA_SESSION_TIMEOUT_MS: '6000',
          CONSUMER_PARTITIONS_CONCURRENTLY: String(partitionsConcurrently),
          CONSUMER_BATCH_SIZE: String(batchSize),
          LOG_LEVEL: 'warn',
        },
      }),
    );
    const url = `http://127.0.0.1:${port}`;
    await ledger.waitForHttp(`${url}/health/live`);
    const output = ledger;
    const run: LedgerRun = {
      settings,
      db,
      schema,
      topicPrefix,
      url,
      probe: new EffectsProbe(db, `"${schema}".effects`),
      wait: {
        stallMs: settings.stallMs,
        context: () => `ledger output (last 2000 characters):\n${output.output.slice(-2000)}`,
      },
      label: batchSize > 1 ? `ours P=${partitionsConcurrently} batch ${batchSize}` : `ours P=${partitionsConcurrently}`,
      pid: ledger.pid,
    };
    const endToEnd = await throughOutbox(run);
    const consumeOnly = await straightToTopic(run);
    const duplicates = await run.probe.duplicates();
    if (duplicates > 0) consumeOnly.notes.push(`${duplicates} duplicate effects`);
    return [endToEnd, consumeOnly];
  } finally {
    if (ledger) await stopChild(ledger);
    await bestEffort('drop schema', () => db.query(`DROP SCHEMA "${schema}" CASCADE`));
    await bestEffort('delete topics', () => deleteTopics(settings.brokers, topicPrefix));
  }
}

/** From the POST until every event's effect is in Postgres; the consumer runs while the POST writes. */
async function throughOutbox({ settings, db, schema, url, probe, wait, label, pid }: LedgerRun): Promise<PathResult> {
  const cpu = new CpuMeter(pid);
  const since = new Date();
  const start = performance.now();
  const response = await fetch(`${url}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: settings.events, keys: settings.keys, prefix: freshName('e2e') }),
    signal: AbortSignal.timeout(settings.timeoutMs),
  });
  if (!response.ok) throw new Error(`POST /events answered ${response.status}: ${await response.text()}`);
  const writeSeconds = secondsSince(start);
  await probe.waitForEvents(settings.events, wait);
  const seconds = secondsSince(start);
  const cpuNotes = cpu.notes();
  const window = await appliedWindow(db, `"${schema}".inbox`, 'processed_at', since);
  return {
    path: `${label}, outbox → effect`,
    events: settings.events,
    seconds,
    notes: [
      `write (POST) ${writeSeconds.toFixed(1)} s = ${rate(settings.events, writeSeconds)}/s`,
      ...windowNotes(window, since),
      ...cpuNotes,
    ],
  };
}

/** From the first produce (no outbox) until the effects of as many events again are in. */
async function straightToTopic({
  settings,
  db,
  schema,
  topicPrefix,
  probe,
  wait,
  label,
  pid,
}: LedgerRun): Promise<PathResult> {
  const events = encodedEvents(settings.events, settings.keys, freshName('direct'));
  const publisher = new EventPublisher({ brokers: settings.brokers, clientId: 'bench', topicPrefix });
  await publisher.onModuleInit();
  try {
    const cpu = new CpuMeter(pid);
    const since = new Date();
    const start = performance.now();
    await produce(publisher, events);
    const produceSeconds = secondsSince(start);
    await probe.waitForEvents(2 * settings.events, wait);
    const seconds = secondsSince(start);
    const cpuNotes = cpu.notes();
    const window = await appliedWindow(db, `"${schema}".inbox`, 'processed_at', since);
    return {
      path: `${label}, consume only`,
      events: settings.events,
      seconds,
      notes: [`produce ${produceSeconds.toFixed(1)} s`, ...windowNotes(window, since), ...cpuNotes],
    };
  } finally {
    await publisher.onApplicationShutdown();
  }
}
