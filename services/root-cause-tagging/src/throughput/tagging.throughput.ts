// The measuring half of `npm run bench:tagging` (tests/load/tagging.bench.ts starts it in a
// process of its own): comments per second of the tagger in one thread, no Kafka or Postgres.
// Wall-clock rates suffer from whatever else runs on the machine; comments per CPU second do not.
// Settings: BENCH_COMMENTS (default 20000), BENCH_ROUNDS (default 3). Started with an IPC channel,
// it also sends its figures as numbers to the parent, which writes them as JSON.
import { cpus, loadavg } from 'node:os';
import { loadLabelled } from '../evaluation/labelled.dataset';
import { shippedTagger } from '../evaluation/shipped-model.evaluation';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 20000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Comments of one to three shipped comments of one language each (customers write in one
 * language), in a fixed pseudo-random order: varied and repeatable. Every 20th mixes languages.
 */
function workload(count: number): { text: string; score: number }[] {
  const shipped = loadLabelled();
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => {
    const language = shipped[Math.floor(next() * shipped.length)].language;
    const pool = i % 20 === 0 ? shipped : shipped.filter((comment) => comment.language === language);
    const parts = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pool[Math.floor(next() * pool.length)]);
    return { text: parts.map((part) => part.text).join(' '), score: parts[0].score ?? 5 };
  });
}

function main(): void {
  const { tagger } = shippedTagger();
  const comments = workload(COMMENTS);
  const averageLength = comments.reduce((sum, comment) => sum + comment.text.length, 0) / comments.length;
  for (const comment of comments.slice(0, 2000)) tagger.tag(comment); // warm-up: JIT and caches
  const load = loadavg()[0].toFixed(1);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const latencies: number[] = [];
  let found = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (const comment of comments) {
      const t0 = process.hrtime.bigint();
      found += tagger.tag(comment).tags.length;
      latencies.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    rates.push(comments.length / seconds);
    cpuRates.push(comments.length / ((cpu.user + cpu.system) / 1e6));
    process.stderr.write(
      `bench: round ${round + 1}: ${comments.length} comments in ${seconds.toFixed(2)} s, CPU ` +
        `${((cpu.user + cpu.system) / 1e6).toFixed(2)} s\n`,
    );
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(0);
  process.stdout.write(
    `\ntagging throughput, one thread: ${COMMENTS} comments × ${ROUNDS} rounds, ` +
      `average ${averageLength.toFixed(0)} characters, ` +
      `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ` +
      `Node ${process.version}, load average ${load} before\n\n` +
      `| measure | value |\n|---|---|\n` +
      `| comments/s, best round | ${Math.max(...rates).toFixed(0)} |\n` +
      `| comments/s, median round | ${median(rates).toFixed(0)} |\n` +
      `| comments per CPU second (user + system), median round | ${median(cpuRates).toFixed(0)} |\n` +
      `| latency p50 / p99 / max (µs) | ${at(0.5)} / ${at(0.99)} / ${latencies[latencies.length - 1].toFixed(0)} |\n` +
      `| tags per comment | ${(found / (COMMENTS * ROUNDS)).toFixed(2)} |\n`,
  );
  const micros = (q: number) => Math.round(Number(at(q)));
  process.send?.({
    settings: { comments: COMMENTS, rounds: ROUNDS, warmUpComments: Math.min(2000, COMMENTS) },
    figures: {
      averageCharacters: Math.round(averageLength),
      commentsPerSecondBestRound: Math.round(Math.max(...rates)),
      commentsPerSecondMedianRound: Math.round(median(rates)),
      commentsPerCpuSecondMedianRound: Math.round(median(cpuRates)),
      latencyMicroseconds: { p50: micros(0.5), p99: micros(0.99), max: Math.round(latencies[latencies.length - 1]) },
      tagsPerComment: Math.round((found / (COMMENTS * ROUNDS)) * 100) / 100,
      rounds: rates.map((rate, i) => ({
        commentsPerSecond: Math.round(rate),
        commentsPerCpuSecond: Math.round(cpuRates[i]),
      })),
    },
  });
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

main();
