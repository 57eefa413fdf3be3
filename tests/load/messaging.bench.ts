// Messaging throughput, end to end: our path (outbox → relay → Kafka → KafkaTransport with inbox →
// effect in Postgres) with 1 and 3 partitions consumed concurrently, one transaction per record
// and in batch mode (BENCH_BATCH_SIZE records per transaction), and a stock
// @nestjs/microservices ServerKafka handler doing one transaction per message, in one run.
//
//   KAFKA_BROKERS=127.0.0.1:29092 npm run bench:messaging
//
// Reads KAFKA_BROKERS, DATABASE_URL, BENCH_EVENTS, BENCH_KEYS, BENCH_TIMEOUT_MS, BENCH_STALL_MS
// (bench.settings.ts), BENCH_BATCH_SIZE (50). Figures and how to read them: docs/benchmarks.md.
import { Logger } from '@nestjs/common';
import { ensureDatabase } from '@nps/persistence';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { checkKafka } from './bench.events';
import { installCleanup } from './bench.processes';
import { type PathResult, progress, resultRows, resultTable, round } from './bench.report';
import { commit, loadAverage, writeBenchResult } from './bench.results';
import { type BenchSettings, benchSettings, positiveInt } from './bench.settings';
import { measureOurPath } from './our-path.scenario';
import { measureStockNest } from './stock-nest.scenario';
import { runBench } from './bench.run';

async function main(settings: BenchSettings): Promise<void> {
  installCleanup(settings.timeoutMs);
  // Child processes inherit the environment: keep it in line with the settings.
  process.env.DATABASE_URL = settings.databaseUrl;
  process.env.KAFKA_BROKERS = settings.brokers;
  // kafkajs warnings go through the Nest logger; keep stdout for the table.
  Logger.overrideLogger(['error']);
  await checkKafka(settings.brokers);
  await ensureDatabase(settings.databaseUrl);
  const db = new Client({ connectionString: settings.databaseUrl });
  await db.connect();
  const results: PathResult[] = [];
  const loadBefore = loadAverage();
  let stock: PathResult;
  const batchSize = positiveInt(process.env, 'BENCH_BATCH_SIZE', 50);
  try {
    for (const batch of [1, batchSize])
      for (const partitions of [1, 3]) {
        progress(`our path, CONSUMER_PARTITIONS_CONCURRENTLY=${partitions}, CONSUMER_BATCH_SIZE=${batch}`);
        record(results, ...(await measureOurPath(settings, db, partitions, batch)));
      }
    progress('stock Nest ServerKafka');
    stock = await measureStockNest(settings, db);
    record(results, stock);
  } finally {
    await db.end();
  }
  const tracing = process.env.OTEL_SDK_DISABLED !== 'true';
  const multiples = Object.entries(versusStock(results, stock))
    .map(([path, multiple]) => `${path}: ${multiple}× stock Nest`)
    .join('\n');
  process.stdout.write(
    `\nmessaging throughput: ${settings.events} events over ${settings.keys} keys, 6 partitions, ` +
      `Kafka ${settings.brokers}, ${cpus().length} cores, Node ${process.version}, commit ${commit()}, ` +
      `tracing ${tracing ? 'on' : 'off (OTEL_SDK_DISABLED=true)'} in our path, ` +
      `load average ${loadBefore.toFixed(1)} before, ${loadAverage().toFixed(1)} after\n\n${resultTable(results)}\n\n${multiples}\n`,
  );
  const file = writeBenchResult('messaging', {
    command: 'npm run bench:messaging',
    settings: { ...settings, partitions: 6, tracing, batchSize },
    figures: { rows: resultRows(results.filter((r) => r !== stock)), consumeOnlyVsStock: versusStock(results, stock) },
    baseline: { rows: resultRows([stock]) },
    loadBefore,
  });
  progress(`written to ${file}`);
}

/** Each consume-only rate of ours as a multiple of stock Nest's, measured in the same run. */
function versusStock(results: PathResult[], stock: PathResult): Record<string, number> {
  const perSecond = (r: PathResult) => r.events / r.seconds;
  return Object.fromEntries(
    results
      .filter((r) => r !== stock && r.path.endsWith('consume only'))
      .map((r) => [r.path, round(perSecond(r) / perSecond(stock), 2)]),
  );
}

/** Keeps a result and shows it at once, so a run that fails later still says what it measured. */
function record(results: PathResult[], ...measured: PathResult[]): void {
  results.push(...measured);
  for (const r of measured)
    progress(`${r.path}: ${r.events} events in ${r.seconds.toFixed(1)} s; ${r.notes.join('; ')}`);
}

runBench(benchSettings, main);
