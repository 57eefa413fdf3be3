import { type BenchTarget, benchTarget, positiveInt } from './bench.settings';

/** What `npm run bench:e2e` reads from env; every value has a default (docs/benchmarks.md). */
export interface E2eSettings extends BenchTarget {
  /** How long the loop is watched with nothing sent, before the throughput phase. */
  idleSeconds: number;
  /** Answers through the bulk import in the throughput phase. */
  answers: number;
  /** Answers through `POST /responses` in the throughput phase. */
  apiAnswers: number;
  /** Requests to `POST /responses` in flight at once. */
  apiConcurrency: number;
  /** Answers through `POST /responses/batch` in the throughput phase. */
  apiBatchAnswers: number;
  /** Answers per `POST /responses/batch`. */
  apiBatch: number;
  /** Requests to `POST /responses/batch` in flight at once. */
  apiBatchConcurrency: number;
  /** Steady rates (answers/s) of the latency phase, one run each. */
  rates: number[];
  /** How long each steady rate is sent. */
  seconds: number;
  /** Events of the stock Nest consume-only scenario run in the same process as a baseline. */
  baselineEvents: number;
  /** CONSUMER_BATCH_SIZE of every service; unset, each runs with its own default (scoring and case-management 128, root-cause-tagging 32, the others 1). */
  batchSize?: number;
  /** Run the services from `dist/` as `npm start` does (after `npm run build`), not from their TypeScript source. */
  fromDist: boolean;
  /** NODE_OPTIONS of every service: the image's by default (ADR 0044); empty for Node's defaults. */
  serviceNodeOptions?: string;
  /** MALLOC_MMAP_THRESHOLD_ of every service: the image's by default (ADR 0062); empty for glibc's moving threshold. */
  serviceMmapThreshold?: string;
  /** CONSUMER_PARTITIONS_CONCURRENTLY of every service; unset, each runs with its own default (1, or 32 in batch mode). */
  partitions?: number;
  /** Members of the one team every case goes to. */
  members: number;
  /** Customers the throughput phase's answers are spread over. */
  customers: number;
  /** Seed of the answer generator: the same answers on every run. */
  seed: number;
  /** A phase fails when none of the loop's counts moved for this long. */
  stallMs: number;
  /** The whole run fails after this long. */
  timeoutMs: number;
}

/** What deploy/docker/Dockerfile and scripts/up.sh give every service, so the bench measures what ships. */
const IMAGE_NODE_OPTIONS = '--max-semi-space-size=16';
const IMAGE_MMAP_THRESHOLD = '131072';

export function e2eSettings(env: NodeJS.ProcessEnv): E2eSettings {
  const int = (name: string, fallback: number) => positiveInt(env, name, fallback);
  return {
    ...benchTarget(env),
    idleSeconds: int('BENCH_IDLE_SECONDS', 10),
    answers: int('BENCH_ANSWERS', 100_000),
    apiAnswers: int('BENCH_API_ANSWERS', 10_000),
    apiConcurrency: int('BENCH_API_CONCURRENCY', 32),
    apiBatchAnswers: int('BENCH_API_BATCH_ANSWERS', 20_000),
    apiBatch: int('BENCH_API_BATCH', 100),
    apiBatchConcurrency: int('BENCH_API_BATCH_CONCURRENCY', 8),
    rates: rateList(env.BENCH_RATES || '200,1000'),
    seconds: int('BENCH_SECONDS', 20),
    baselineEvents: int('BENCH_BASELINE_EVENTS', 20_000),
    batchSize: env.BENCH_CONSUMER_BATCH_SIZE ? int('BENCH_CONSUMER_BATCH_SIZE', 1) : undefined,
    fromDist: env.BENCH_FROM_DIST === 'true',
    serviceNodeOptions: (env.BENCH_SERVICE_NODE_OPTIONS ?? IMAGE_NODE_OPTIONS) || undefined,
    serviceMmapThreshold: (env.BENCH_SERVICE_MMAP_THRESHOLD ?? IMAGE_MMAP_THRESHOLD) || undefined,
    partitions: env.BENCH_PARTITIONS ? int('BENCH_PARTITIONS', 1) : undefined,
    members: int('BENCH_MEMBERS', 10),
    customers: int('BENCH_CUSTOMERS', 5000),
    seed: int('BENCH_SEED', 15),
    stallMs: int('BENCH_STALL_MS', 120_000),
    timeoutMs: int('BENCH_TIMEOUT_MS', 90 * 60 * 1000),
  };
}

function rateList(raw: string): number[] {
  const rates = raw.split(',').map((part) => part.trim());
  if (!rates.every((rate) => /^[1-9]\d*$/.test(rate)))
    throw new Error(`Invalid configuration: BENCH_RATES: must be positive integers separated by commas (got "${raw}")`);
  return rates.map(Number);
}
