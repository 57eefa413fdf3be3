import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { metricsOf, type BenchMetric } from './bench.metrics';

/** Where `npm run bench:*` and `npm run chaos` leave their last complete run. */
export const RESULTS_DIR = resolve(__dirname, 'results');

/** What a benchmark measured, as it hands it to writeBenchResult. */
export interface BenchResultInput {
  /** The npm command that reruns it, e.g. `npm run bench:nps`. */
  command: string;
  /** Sizes and knobs the run used (from env). A `databaseUrl` is left out: it may carry a password. */
  settings: object;
  /** The figures as numbers, named as the printed table names them. */
  figures: object;
  /** What the same run measured to compare against (messaging: stock Nest ServerKafka). */
  baseline?: object;
  /** 1-minute load average when the measuring started (loadAverage()). */
  loadBefore: number;
}

/** The file's content, in this key order. */
export interface BenchResult {
  benchmark: string;
  command: string;
  measuredAt: string;
  commit: string;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemoryBytes: number;
    node: string;
    loadAverage1m: { before: number; after: number };
  };
  settings: object;
  figures: object;
  baseline?: object;
}

/**
 * Writes the run twice, pretty-printed: `<dir>/<name>.json`, one entry per measured number in issue #15's shape
 * (`{bench, metric, value, unit, commit, machine, loadAverage, at}`, for tools that track figures over time), and
 * `<dir>/<name>.run.json`, the whole run (settings, notes, checks). Returns the first path. Called only after a run
 * finished: a failed run writes nothing, so the files always hold the last complete run (ADR 0069).
 */
export function writeBenchResult(name: string, input: BenchResultInput, dir = RESULTS_DIR): string {
  const settings = Object.fromEntries(Object.entries(input.settings).filter(([key]) => key !== 'databaseUrl'));
  const run: BenchResult = {
    benchmark: name,
    command: input.command,
    measuredAt: new Date().toISOString(),
    commit: commit(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      totalMemoryBytes: totalmem(),
      node: process.version,
      loadAverage1m: { before: input.loadBefore, after: loadAverage() },
    },
    settings,
    figures: input.figures,
    ...(input.baseline === undefined ? {} : { baseline: input.baseline }),
  };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(metricEntriesOf(run), null, 2)}\n`);
  writeFileSync(join(dir, `${name}.run.json`), `${JSON.stringify(run, null, 2)}\n`);
  return file;
}

/** A run's figures as issue #15's entries, each carrying the run's commit, machine, load and time. */
export function metricEntriesOf(run: BenchResult): BenchMetric[] {
  const { loadAverage1m, ...machine } = run.machine;
  return metricsOf(run.benchmark, run.figures, run.baseline).map((figure) => ({
    bench: run.benchmark,
    ...figure,
    commit: run.commit,
    machine,
    loadAverage: loadAverage1m,
    at: run.measuredAt,
  }));
}

/** The commit measured, so figures in docs/benchmarks.md can be traced back to code. */
export function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** 1-minute load average, two decimals: on a small machine, what else ran shows here. */
export function loadAverage(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}
