// Case intake latency and capacity: `detractor identified` produced to Kafka → `case opened` on Kafka
// (consumer, inbox, routing under the team lock, SLA deadlines, outbox, relay), one case-management
// process against the real broker and Postgres.
//
//   KAFKA_BROKERS=127.0.0.1:29092 npm run bench:cases
//
// Phase 1 produces BENCH_RATE detractors/s (default 200) for BENCH_SECONDS (30) in 100 ms ticks and
// reports the latency of each case (p50/p99/max). Phase 2 produces BENCH_BURST (4000) at once and
// reports the rate at which cases are opened while a backlog exists: the maximum sustained rate.
// The measured process's outbox relay listens (OUTBOX_RELAY_LISTEN=true, the default, unless the
// environment says false). Before it, unless BENCH_RELAY_BASELINE=0, a process with its relay polling
// every 50 ms (OUTBOX_RELAY_LISTEN=false) runs both phases as the baseline.
// Settings: KAFKA_BROKERS, DATABASE_URL, BENCH_RATE, BENCH_SECONDS, BENCH_BURST, BENCH_MEMBERS (10),
// BENCH_PARTITIONS (CONSUMER_PARTITIONS_CONCURRENTLY, 3), BENCH_TIMEOUT_MS. Figures: docs/benchmarks.md.
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Logger } from '@nestjs/common';
import { Channel, type CaseOpened, decodeEvent, encodeEvent, Topics } from '@nps/contracts';
import { EventPublisher, kafkaConfig, physicalTopic } from '@nps/messaging';
import { ensureDatabase } from '@nps/persistence';
import { freePort, freshName, LocalIssuer, ServiceProcess } from '@nps/testing';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { bestEffort } from './bench.cleanup';
import { checkKafka, deleteTopics } from './bench.events';
import { installCleanup, stopChild, tracked } from './bench.processes';
import { percentile, progress, round } from './bench.report';
import { loadAverage, writeBenchResult } from './bench.results';
import { runBench } from './bench.run';
import { type BenchTarget, benchTarget, positiveInt } from './bench.settings';

interface Settings extends BenchTarget {
  rate: number;
  seconds: number;
  burst: number;
  members: number;
  partitions: number;
  timeoutMs: number;
  /** Also measure phase 1 with the outbox relay polling (OUTBOX_RELAY_LISTEN=false), first, as a baseline. */
  relayBaseline: boolean;
}

function settingsFrom(env: NodeJS.ProcessEnv): Settings {
  const int = (name: string, fallback: number) => positiveInt(env, name, fallback);
  return {
    ...benchTarget(env),
    rate: int('BENCH_RATE', 200),
    seconds: int('BENCH_SECONDS', 30),
    burst: int('BENCH_BURST', 4000),
    members: int('BENCH_MEMBERS', 10),
    partitions: int('BENCH_PARTITIONS', 3),
    timeoutMs: int('BENCH_TIMEOUT_MS', 15 * 60 * 1000),
    relayBaseline: env.BENCH_RELAY_BASELINE !== '0',
  };
}

/** Arrival times of `case opened` per response id, read from the topic as the service publishes. */
class CaseOpenedWatch {
  readonly arrivals = new Map<string, number>();
  private readonly consumer;

  constructor(
    brokers: string,
    private readonly topicPrefix: string,
  ) {
    this.consumer = new Kafka(kafkaConfig({ brokers, clientId: 'bench-cases' })).consumer({
      groupId: `bench-${randomUUID()}`,
      maxWaitTimeInMs: 20,
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [physicalTopic(Topics.CaseOpened.name, this.topicPrefix)],
      fromBeginning: true,
    });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const opened = decodeEvent(Topics.CaseOpened, message).message as CaseOpened;
        if (!this.arrivals.has(opened.responseId)) this.arrivals.set(opened.responseId, performance.now());
      },
    });
  }

  async waitFor(responseIds: string[], stallMs = 60000): Promise<void> {
    let seen = -1;
    let lastProgress = performance.now();
    for (;;) {
      const count = responseIds.filter((id) => this.arrivals.has(id)).length;
      if (count === responseIds.length) return;
      if (count !== seen) [seen, lastProgress] = [count, performance.now()];
      if (performance.now() - lastProgress > stallMs)
        throw new Error(`only ${count} of ${responseIds.length} cases opened; no progress for ${stallMs} ms`);
      await sleep(50);
    }
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

function detractors(count: number, customers: number): { responseId: string; value: ReturnType<typeof encodeEvent> }[] {
  return Array.from({ length: count }, (_, i) => {
    const now = timestampFromDate(new Date());
    const responseId = randomUUID();
    const event = create(Topics.DetractorIdentified.schema, {
      eventId: randomUUID(),
      occurredAt: now,
      customerId: `bench-customer-${i % customers}`,
      responseId,
      score: i % 7,
      comment: 'De levering was twee weken te laat',
      answeredAt: now,
      touchpointType: 'order-delivered',
      channel: Channel.EMAIL,
      customer: { language: 'nl', segment: 'consumer', region: 'benelux', tier: 'standard' },
    });
    return { responseId, value: encodeEvent(Topics.DetractorIdentified, event, { source: 'urn:nps:bench' }) };
  });
}

/** One phase's printed line and its figures as numbers. */
interface Phase {
  line: string;
  figures: Record<string, number>;
}

async function steady(s: Settings, publisher: EventPublisher, watch: CaseOpenedWatch): Promise<Phase> {
  const perTick = Math.max(1, Math.round(s.rate / 10));
  const ticks = s.seconds * 10;
  const sentAt = new Map<string, number>();
  const begin = performance.now();
  for (let tick = 0; tick < ticks; tick++) {
    const batch = detractors(perTick, 500);
    const now = performance.now();
    for (const d of batch) sentAt.set(d.responseId, now);
    await publisher.publish(
      Topics.DetractorIdentified.name,
      batch.map((d) => d.value),
    );
    const next = begin + (tick + 1) * 100;
    await sleep(Math.max(0, next - performance.now()));
  }
  const sendSeconds = (performance.now() - begin) / 1000;
  await watch.waitFor([...sentAt.keys()]);
  const latencies = [...sentAt].map(([id, at]) => (watch.arrivals.get(id) ?? at) - at).sort((a, b) => a - b);
  const achieved = Math.round(sentAt.size / sendSeconds);
  const figures = {
    ratePerSecond: achieved,
    seconds: round(sendSeconds, 1),
    detractors: sentAt.size,
    latencyP50Ms: Math.round(percentile(latencies, 50)),
    latencyP90Ms: Math.round(percentile(latencies, 90)),
    latencyP99Ms: Math.round(percentile(latencies, 99)),
    latencyMaxMs: Math.round(latencies[latencies.length - 1]),
  };
  const line = `steady ${achieved}/s for ${sendSeconds.toFixed(0)} s (${sentAt.size} detractors): latency p50 ${ms(percentile(latencies, 50))}, p90 ${ms(percentile(latencies, 90))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies[latencies.length - 1])}`;
  return { line, figures };
}

async function burst(s: Settings, publisher: EventPublisher, watch: CaseOpenedWatch): Promise<Phase> {
  const batch = detractors(s.burst, 500);
  const begin = performance.now();
  for (let i = 0; i < batch.length; i += 500)
    await publisher.publish(
      Topics.DetractorIdentified.name,
      batch.slice(i, i + 500).map((d) => d.value),
    );
  const produced = (performance.now() - begin) / 1000;
  await watch.waitFor(
    batch.map((d) => d.responseId),
    120000,
  );
  const arrivals = batch.map((d) => watch.arrivals.get(d.responseId) ?? 0).sort((a, b) => a - b);
  // Skip the first and last 5%: warm-up and the tail after the backlog is gone.
  const from = arrivals[Math.floor(arrivals.length * 0.05)];
  const to = arrivals[Math.floor(arrivals.length * 0.95)];
  const sustained = Math.round((arrivals.length * 0.9) / ((to - from) / 1000));
  const total = (arrivals[arrivals.length - 1] - begin) / 1000;
  const figures = {
    cases: s.burst,
    producedSeconds: round(produced, 1),
    allOpenedSeconds: round(total, 1),
    sustainedCasesPerSecond: sustained,
  };
  const line = `burst of ${s.burst} (produced in ${produced.toFixed(1)} s): all opened after ${total.toFixed(1)} s; maximum sustained rate ${sustained} cases/s (middle 90%)`;
  return { line, figures };
}

/** One case-management process on its own schema and topics, with a watch on what it publishes. */
interface Stack {
  schema: string;
  publisher: EventPublisher;
  watch: CaseOpenedWatch;
  stop(): Promise<void>;
}

async function startStack(s: Settings, db: Client, issuer: LocalIssuer, env: Record<string, string>): Promise<Stack> {
  const schema = freshName('bench_cases');
  const topicPrefix = `${freshName('bench_cases')}.`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const watch = new CaseOpenedWatch(s.brokers, topicPrefix);
  const publisher = new EventPublisher({ brokers: s.brokers, clientId: 'bench-scoring', topicPrefix });
  let service: ServiceProcess | undefined;
  const stop = async () => {
    await bestEffort('stop watch', () => watch.stop());
    await bestEffort('stop publisher', () => publisher.onApplicationShutdown());
    if (service) await stopChild(service);
    await bestEffort('drop schema', () => db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    await bestEffort('delete topics', () => deleteTopics(s.brokers, topicPrefix));
  };
  try {
    service = tracked(
      ServiceProcess.start({
        entry: 'services/case-management/src/main.ts',
        env: {
          PORT: String(port),
          KAFKA_BROKERS: s.brokers,
          DATABASE_URL: s.databaseUrl,
          DB_SCHEMA: schema,
          KAFKA_TOPIC_PREFIX: topicPrefix,
          LOG_LEVEL: 'warn',
          SLA_WATCH_ENABLED: 'false',
          CONSUMER_PARTITIONS_CONCURRENTLY: String(s.partitions),
          // Nothing listens there; sending notifications is not what is measured.
          SMTP_URL: 'smtp://127.0.0.1:9',
          NOTIFY_INTERVAL_MS: '600000',
          ...issuer.env,
          ...env,
        },
      }),
    );
    await service.waitForHttp(`${url}/health/ready`, 200, 120000);
    const admin = await issuer.token('adam');
    for (let i = 0; i < s.members; i++) {
      const response = await fetch(`${url}/teams/customer-care/members`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: `member-${i}`, name: `Member ${i}`, email: `member-${i}@example.com` }),
      });
      if (response.status !== 201) throw new Error(`adding member ${i}: ${response.status} ${await response.text()}`);
    }
    await publisher.onModuleInit();
    await watch.start();
    progress('warm-up: 200 detractors');
    const warm = detractors(200, 50);
    await publisher.publish(
      Topics.DetractorIdentified.name,
      warm.map((d) => d.value),
    );
    await watch.waitFor(warm.map((d) => d.responseId));
  } catch (error) {
    await stop();
    throw error;
  }
  return { schema, publisher, watch, stop };
}

async function main(s: Settings): Promise<void> {
  installCleanup(s.timeoutMs);
  Logger.overrideLogger(['error']);
  await checkKafka(s.brokers);
  await ensureDatabase(s.databaseUrl);
  const db = new Client({ connectionString: s.databaseUrl });
  await db.connect();
  let issuer: LocalIssuer | undefined;
  const lines: string[] = [];
  const loadBefore = loadAverage();
  const figures: Record<string, Record<string, number>> = {};
  const baseline: Record<string, Record<string, number>> = {};
  try {
    issuer = await LocalIssuer.start();
    if (s.relayBaseline) {
      progress('baseline: case-management with its outbox relay polling every 50 ms');
      const polling = await startStack(s, db, issuer, { OUTBOX_RELAY_LISTEN: 'false' });
      try {
        progress(`baseline phase 1: ${s.rate}/s for ${s.seconds} s`);
        const phase = await steady(s, polling.publisher, polling.watch);
        baseline.steadyRelayPolling = phase.figures;
        lines.push(`baseline, relay polling every 50 ms: ${phase.line}`);
        progress(lines[lines.length - 1]);
        progress(`baseline phase 2: burst of ${s.burst}`);
        const capacity = await burst(s, polling.publisher, polling.watch);
        baseline.burstRelayPolling = capacity.figures;
        lines.push(`baseline, relay polling every 50 ms: ${capacity.line}`);
        progress(lines[lines.length - 1]);
      } finally {
        await polling.stop();
      }
    }
    // The default relay polls; the measured process listens unless told otherwise.
    const listens = process.env.OUTBOX_RELAY_LISTEN !== 'false';
    const relayMode = listens ? 'relay woken by NOTIFY (OUTBOX_RELAY_LISTEN=true)' : 'relay polling every 50 ms';
    progress(`starting case-management, ${relayMode}`);
    const stack = await startStack(s, db, issuer, { OUTBOX_RELAY_LISTEN: String(listens) });
    try {
      progress(`phase 1: ${s.rate}/s for ${s.seconds} s`);
      const phase1 = await steady(s, stack.publisher, stack.watch);
      figures.steady = phase1.figures;
      lines.push(`${relayMode}: ${phase1.line}`);
      progress(lines[lines.length - 1]);
      progress(`phase 2: burst of ${s.burst}`);
      const phase2 = await burst(s, stack.publisher, stack.watch);
      figures.burst = phase2.figures;
      lines.push(`${relayMode}: ${phase2.line}`);
      progress(lines[lines.length - 1]);
      const [{ n, owners, spread }] = (
        await db.query(
          `SELECT count(*)::int AS n, count(DISTINCT owner_id)::int AS owners, max(c) - min(c) AS spread FROM (SELECT owner_id, count(*) OVER (PARTITION BY owner_id) AS c FROM "${stack.schema}".cases) x`,
        )
      ).rows;
      lines.push(`${n} cases in the schema over ${owners} owners, load spread ${spread}`);
      figures.cases = { total: n, owners, loadSpread: Number(spread) };
    } finally {
      await stack.stop();
    }
  } finally {
    await bestEffort('stop issuer', async () => issuer?.stop());
    await db.end();
  }
  process.stdout.write(
    `\ncase intake (detractor identified → case opened on Kafka): Kafka ${s.brokers}, ${cpus().length} cores, Node ${process.version}, ` +
      `CONSUMER_PARTITIONS_CONCURRENTLY=${s.partitions}, ${s.members} members in one team, load average ${loadBefore.toFixed(1)} before, ${loadAverage().toFixed(1)} after\n` +
      lines.map((line) => `- ${line}`).join('\n') +
      '\n',
  );
  const file = writeBenchResult('case-intake', {
    command: 'npm run bench:cases',
    settings: { ...s, warmUpDetractors: 200 },
    figures,
    ...(s.relayBaseline ? { baseline } : {}),
    loadBefore,
  });
  progress(`written to ${file}`);
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

runBench(() => settingsFrom(process.env), main);
