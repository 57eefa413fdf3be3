// The whole loop end to end (issue #15): answers in through response-ingestion, scored, tagged and
// turned into cases, with response-ingestion, scoring, root-cause-tagging and case-management each in
// a process of its own on a fresh schema and topic prefix (all deleted afterwards).
//
//   KAFKA_BROKERS=127.0.0.1:29096 npm run bench:e2e
//
// 0. idle: the CPU the services and the machine use for BENCH_IDLE_SECONDS with nothing sent;
// 1. throughput: BENCH_ANSWERS through one bulk import, then BENCH_API_ANSWERS through POST /responses
//    and BENCH_API_BATCH_ANSWERS through POST /responses/batch;
//    answers/s from the first send until every answer is scored, every comment tagged and every
//    detractor has its case (counted in each service's tables);
// 2. latency: detractor → case (opened_at) at each of BENCH_RATES answers/s for BENCH_SECONDS, and how
//    much of it each service took (from the publish times of the events between them);
// 3. checks: nothing lost, one case per detractor, rollups equal to a recount; a failed check fails the run;
// plus each service's peak RSS, and the stock Nest consume-only scenario as the baseline.
// Settings: e2e.settings.ts; figures and how to read them: docs/benchmarks.md.
import { cpus } from 'node:os';
import { Logger } from '@nestjs/common';
import { ensureDatabase } from '@nps/persistence';
import { Client } from 'pg';
import { checkKafka } from './bench.events';
import { installCleanup } from './bench.processes';
import { type PathResult, progress, resultRows, resultTable } from './bench.report';
import { commit, loadAverage, writeBenchResult } from './bench.results';
import { runBench } from './bench.run';
import { AnswerGenerator, type AnswerMix, mixOf } from './e2e.answers';
import { type Check, checkLines, loopChecks } from './e2e.checks';
import { PublishTimes } from './e2e.hops';
import { type LatencyPhase, steadyLatency } from './e2e.latency';
import { LoopProbe } from './e2e.loop';
import { type IdlePhase, idlePhase } from './e2e.idle';
import { type PeakMemory, PeakRss } from './e2e.memory';
import { importAnswers, postAnswers } from './e2e.send';
import { type E2eSettings, e2eSettings } from './e2e.settings';
import { LOOP_SERVICES, startLoopStack } from './e2e.stack';
import { throughputPhase } from './e2e.throughput';
import { measureStockNest } from './stock-nest.scenario';

/** Answered over the last days, so the rollups count over several days and weeks. */
const ANSWER_DAYS = 10;
const STOCK_KEYS = 200;

async function main(s: E2eSettings): Promise<void> {
  installCleanup(s.timeoutMs);
  // The services' beds and the stock Nest child read these from the environment.
  process.env.DATABASE_URL = s.databaseUrl;
  process.env.KAFKA_BROKERS = s.brokers;
  Logger.overrideLogger(['error']);
  await checkKafka(s.brokers);
  await ensureDatabase(s.databaseUrl);
  const db = new Client({ connectionString: s.databaseUrl });
  await db.connect();
  const loadBefore = loadAverage();
  try {
    progress(`stock Nest ServerKafka, consume only: ${s.baselineEvents} events`);
    const stock = await measureStockNest(
      { ...s, events: s.baselineEvents, keys: STOCK_KEYS, timeoutMs: s.timeoutMs, stallMs: s.stallMs },
      db,
    );
    progress(`${stock.path}: ${stock.events} events in ${stock.seconds.toFixed(1)} s; ${stock.notes.join('; ')}`);
    const loop = await measureLoop(s, db);
    report(s, loop, stock, loadBefore);
  } finally {
    await db.end();
  }
}

interface LoopFigures {
  idle: IdlePhase;
  throughput: PathResult[];
  latency: LatencyPhase[];
  memory: Record<string, PeakMemory>;
  checks: Check[];
}

async function measureLoop(s: E2eSettings, db: Client): Promise<LoopFigures> {
  const stack = await startLoopStack(s, db);
  try {
    const ingestion = stack.beds['response-ingestion'];
    const pids = Object.fromEntries(LOOP_SERVICES.map((name) => [name, stack.beds[name].process.pid]));
    const memory = new PeakRss(pids);
    const probe = new LoopProbe(db, stack.schemas);
    const generator = new AnswerGenerator(s.seed);
    const context = () => stack.output();
    const now = Date.now();
    const answers = (count: number, prefix: string) =>
      generator.answers(
        count,
        (i) => `${prefix}-c${i % s.customers}`,
        () => generator.recent(now, ANSWER_DAYS),
      );
    const phase = { probe, pids, stallMs: s.stallMs, context };

    progress(`idle for ${s.idleSeconds} s`);
    const idle = await idlePhase(pids, s.idleSeconds);
    progress(idleLine(idle));

    const imported = answers(s.answers, 'imp');
    progress(`throughput, bulk import: ${describe(mixOf(imported))}`);
    const importToken = await ingestion.clientToken('importer');
    const viaImport = await throughputPhase({
      ...phase,
      path: 'ours, whole loop: bulk import (one POST /imports CSV)',
      answers: imported,
      send: () => importAnswers(ingestion.url, importToken, 'e2e-throughput', imported),
    });
    progress(
      `${viaImport.result.path}: ${viaImport.result.seconds.toFixed(1)} s; ${viaImport.result.notes.join('; ')}`,
    );

    const apiToken = await ingestion.clientToken('responses-writer');
    const viaApi = async (prefix: string, count: number, concurrency: number, batch: number) => {
      const sent = answers(count, prefix);
      const how = batch === 1 ? 'POST /responses' : `POST /responses/batch, ${batch} answers each`;
      const path = `ours, whole loop: JSON API (${how}, ${concurrency} in flight)`;
      progress(`throughput, ${how} (${concurrency} in flight): ${describe(mixOf(sent))}`);
      let retried = 0;
      const { result } = await throughputPhase({
        ...phase,
        path,
        answers: sent,
        send: async () =>
          ({ retried } = await postAnswers(ingestion.url, apiToken, sent, {
            keyPrefix: `e2e-${prefix}`,
            concurrency,
            retryForMs: s.stallMs,
            batch,
          })),
      });
      result.notes.push(`${retried} requests retried after a 503`);
      progress(`${result.path}: ${result.seconds.toFixed(1)} s; ${result.notes.join('; ')}`);
      return { sent, result };
    };
    const single = await viaApi('api', s.apiAnswers, s.apiConcurrency, 1);
    const batched = await viaApi('apb', s.apiBatchAnswers, s.apiBatchConcurrency, s.apiBatch);

    const latency: LatencyPhase[] = [];
    for (const [index, rate] of s.rates.entries()) {
      progress(`latency: ${rate} answers/s for ${s.seconds} s, a CSV import every 100 ms`);
      const target = {
        url: ingestion.url,
        token: await ingestion.clientToken('importer'),
        db,
        casesSchema: stack.schemas['case-management'],
        publishTimes: new PublishTimes(s.brokers, stack.topicPrefix),
        generator,
        ...phase,
      };
      latency.push(await steadyLatency(target, index, rate, s.seconds));
      progress(latencyLine(latency[latency.length - 1]));
    }

    progress('checking the loop');
    const sent = [mixOf(imported), mixOf(single.sent), mixOf(batched.sent), ...latency].reduce(
      (sum, mix) => ({
        answers: sum.answers + mix.answers,
        detractors: sum.detractors + mix.detractors,
        commented: sum.commented + mix.commented,
      }),
      { answers: 0, detractors: 0, commented: 0 },
    );
    const checks = await loopChecks(db, stack.schemas, sent);
    return {
      idle,
      throughput: [viaImport.result, single.result, batched.result],
      latency,
      memory: memory.stop(),
      checks,
    };
  } finally {
    await stack.stop();
  }
}

/** Prints the figures; fails the run (no results file) when a check failed, after printing them all. */
function report(s: E2eSettings, loop: LoopFigures, stock: PathResult, loadBefore: number): void {
  const memoryLines = Object.entries(loop.memory).map(
    ([name, peak]) => `| ${name} | ${peak.sampledMb} | ${peak.highWaterMb} |`,
  );
  process.stdout.write(
    `\nwhole loop end to end: ${s.answers} answers by import, ${s.apiAnswers} by API, ` +
      `${s.apiBatchAnswers} by API in batches of ${s.apiBatch}, Kafka ${s.brokers}, ` +
      `CONSUMER_BATCH_SIZE=${s.batchSize ?? "each service's default"}, CONSUMER_PARTITIONS_CONCURRENTLY=${s.partitions ?? "each service's default"}, ${s.members} members in one team, ` +
      `services from ${s.fromDist ? 'dist/ (built)' : 'TypeScript source (swc-node)'}` +
      `${s.serviceNodeOptions ? ` with NODE_OPTIONS=${s.serviceNodeOptions}` : ''}` +
      `${s.serviceMmapThreshold ? ` MALLOC_MMAP_THRESHOLD_=${s.serviceMmapThreshold}` : ''}, ` +
      `${cpus().length} cores, Node ${process.version}, commit ${commit()}, ` +
      `load average ${loadBefore.toFixed(1)} before, ${loadAverage().toFixed(1)} after\n\n` +
      `${idleLine(loop.idle)}\n\n` +
      `${resultTable([...loop.throughput, stock])}\n\n` +
      `detractor → case (opened_at minus the send of its CSV import, one import every 100 ms):\n` +
      loop.latency.map((phase) => `- ${latencyLine(phase)}`).join('\n') +
      `\n\npeak RSS (MB)\n| service | sampled VmRSS | VmHWM |\n|---|---|---|\n${memoryLines.join('\n')}\n\n` +
      `checks:\n${checkLines(loop.checks).join('\n')}\n`,
  );
  const failed = loop.checks.filter((check) => !check.passed);
  if (failed.length > 0) throw new Error(`${failed.length} of ${loop.checks.length} checks failed`);
  const file = writeBenchResult('e2e', {
    command: 'npm run bench:e2e',
    settings: { ...s, answerDays: ANSWER_DAYS, stockKeys: STOCK_KEYS },
    figures: {
      idle: loop.idle,
      throughput: resultRows(loop.throughput),
      latency: loop.latency,
      peakRssMb: loop.memory,
      checks: loop.checks,
    },
    baseline: { rows: resultRows([stock]) },
    loadBefore,
  });
  progress(`written to ${file}`);
}

function idleLine(idle: IdlePhase): string {
  return `idle for ${idle.seconds} s, nothing sent: ${idle.notes.join('; ')}`;
}

function latencyLine(p: LatencyPhase): string {
  return (
    `${p.rate}/s asked, ${p.sentPerSecond}/s sent for ${p.seconds} s (${p.answers} answers, ${p.detractors} detractors): ` +
    `latency p50 ${p.latencyP50Ms} ms, p90 ${p.latencyP90Ms} ms, p99 ${p.latencyP99Ms} ms, max ${p.latencyMaxMs} ms; ` +
    `loop caught up ${p.loopDoneSeconds} s after the first send; by service, p50 / p99: ` +
    `response-ingestion ${p.hops.ingestion.p50Ms} / ${p.hops.ingestion.p99Ms} ms, ` +
    `scoring ${p.hops.scoring.p50Ms} / ${p.hops.scoring.p99Ms} ms, ` +
    `case-management ${p.hops.caseManagement.p50Ms} / ${p.hops.caseManagement.p99Ms} ms`
  );
}

function describe(mix: AnswerMix): string {
  return `${mix.answers} answers, ${mix.detractors} detractors, ${mix.commented} commented`;
}

runBench(() => e2eSettings(process.env), main);
