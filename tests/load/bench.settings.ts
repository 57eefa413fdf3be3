/** The Kafka and Postgres a benchmark runs against. */
export interface BenchTarget {
  brokers: string;
  databaseUrl: string;
}

/** KAFKA_BROKERS and DATABASE_URL, defaulting to the local broker and the test database. */
export function benchTarget(env: NodeJS.ProcessEnv = process.env): BenchTarget {
  return {
    brokers: env.KAFKA_BROKERS || '127.0.0.1:9092',
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/nps_test',
  };
}

/** What one benchmark run uses; every value has a default that works on a developer machine. */
export interface BenchSettings extends BenchTarget {
  /** Events per measured phase. */
  events: number;
  /** Distinct message keys (customers) the events are spread over. */
  keys: number;
  /** The whole run fails after this long, whatever it is doing. */
  timeoutMs: number;
  /** A phase fails when no new effect shows up for this long. */
  stallMs: number;
}

/** Reads the benchmark's environment; a bad value stops the run with one line naming it. */
export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    ...benchTarget(env),
    events: positiveInt(env, 'BENCH_EVENTS', 20000),
    keys: positiveInt(env, 'BENCH_KEYS', 200),
    timeoutMs: positiveInt(env, 'BENCH_TIMEOUT_MS', 20 * 60 * 1000),
    stallMs: positiveInt(env, 'BENCH_STALL_MS', 60 * 1000),
  };
}

export function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9]\d*$/.test(raw))
    throw new Error(`Invalid configuration: ${name}: must be a positive integer (got "${raw}")`);
  return Number(raw);
}
