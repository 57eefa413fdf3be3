import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ensureDatabase } from '@nps/persistence';
import { DisposablePostgres, freePort, LocalKafka, ServiceProcess, SmtpInbox } from '@nps/testing';
import { Pool } from 'pg';

export const CHAOS_SERVICES = [
  'response-ingestion',
  'scoring',
  'root-cause-tagging',
  'case-management',
  'survey-dispatch',
] as const;
export type ChaosService = (typeof CHAOS_SERVICES)[number];

export const TOPIC_PREFIX = 'chaos.';
const READY_TIMEOUT_MS = 180_000;

/** A schema per service, named like the service (docs/adr/0013-persistence-convention.md). */
export const schemaOf = (service: ChaosService) => service.replaceAll('-', '_');

/**
 * How long one restart took: from the kill to `/health/ready` answering 200, and the new
 * process's own account of its start (its `listening on port` line).
 */
export interface Restart {
  service: string;
  readyMs: number;
  /** From process start: code loaded, init (migrations, topics, connections) done, listening. */
  process?: { loadedMs: number; initMs: number; readyMs: number };
}

/**
 * The whole platform as `npm start` runs it (the five services, built by `npm run build`), on a
 * broker and a PostgreSQL cluster of its own, so that faults hit nothing else on the machine.
 */
export class ChaosStack {
  readonly urls = {} as Record<ChaosService, string>;
  readonly restarts: Restart[] = [];
  readonly db: Pool;
  private readonly processes = {} as Record<ChaosService, ServiceProcess>;
  private readonly ports = {} as Record<ChaosService, number>;
  /** What the killed instances printed, each line led by its service's name. */
  private readonly killedOutput: string[] = [];

  private constructor(
    readonly postgres: DisposablePostgres,
    readonly kafka: LocalKafka,
    private readonly mail: SmtpInbox,
    private readonly extraEnv: Record<string, string>,
  ) {
    this.db = new Pool({ connectionString: this.databaseUrl, max: 4 });
    // A query that meets the Postgres outage fails; the pool must not crash the runner.
    this.db.on('error', () => undefined);
  }

  get databaseUrl(): string {
    return this.postgres.url('nps');
  }

  static async start(extraEnv: Record<string, string> = {}): Promise<ChaosStack> {
    await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: resolve(__dirname, '../..') });
    const [postgres, kafka, mail] = await Promise.all([
      DisposablePostgres.start(),
      LocalKafka.startDisposable(),
      SmtpInbox.start(),
    ]);
    const stack = new ChaosStack(postgres, kafka, mail, extraEnv);
    await ensureDatabase(stack.databaseUrl);
    for (const service of CHAOS_SERVICES) stack.ports[service] = await freePort();
    for (const service of CHAOS_SERVICES) stack.urls[service] = `http://127.0.0.1:${stack.ports[service]}`;
    // One at a time: five processes compiling and migrating at once on two cores only slow each other.
    for (const service of CHAOS_SERVICES) await stack.launch(service);
    return stack;
  }

  /** SIGKILLs `service` and starts it again; resolves with how long it took to be ready. */
  async kill(service: ChaosService): Promise<Restart> {
    const killedAt = performance.now();
    await this.processes[service].stop('SIGKILL');
    this.killedOutput.push(...tagged(service, this.processes[service].output));
    await this.launch(service);
    const readyMs = Math.round(performance.now() - killedAt);
    const restart: Restart = { service, readyMs, process: startLine(this.processes[service].output) };
    this.restarts.push(restart);
    return restart;
  }

  /** Stops the broker (SIGTERM, as an operator's restart does) and starts it again on its data. */
  async restartBroker(): Promise<number> {
    const startedAt = performance.now();
    await this.kafka.stop();
    await this.kafka.start();
    return Math.round(performance.now() - startedAt);
  }

  /** Halts PostgreSQL for `outageMs` (connections cut at once) and brings it back. */
  async postgresOutage(outageMs: number): Promise<void> {
    await this.postgres.halt();
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    await this.postgres.resume();
  }

  /**
   * The warnings and errors every instance printed, killed ones included, oldest first: what a run
   * that did not settle is read by. Pino levels 40 and up, except the connection errors a broker
   * restart is expected to cause, and lines that are not JSON, such as stacks.
   */
  troubles(): string[] {
    const current = CHAOS_SERVICES.flatMap((service) => tagged(service, this.processes[service]?.output ?? ''));
    return [...this.killedOutput, ...current].filter(
      (line) => !/"level":(10|20|30)[,}]/.test(line) && !EXPECTED_UNDER_FAULTS.test(line),
    );
  }

  /** Rows of `sql` on the platform's database (schemas named by `schemaOf`). */
  async rows<T>(sql: string): Promise<T[]> {
    return (await this.db.query(sql)).rows as T[];
  }

  async close(): Promise<void> {
    await Promise.all(CHAOS_SERVICES.map((service) => this.processes[service]?.stop('SIGKILL')));
    await this.db.end().catch(() => undefined);
    await Promise.all([this.kafka.dispose(), this.postgres.dispose(), this.mail.stop()]);
  }

  private async launch(service: ChaosService): Promise<void> {
    const port = this.ports[service];
    const child = ServiceProcess.start({
      entry: `dist/services/${service}/src/main.js`,
      env: {
        PORT: String(port),
        DATABASE_URL: this.databaseUrl,
        DB_SCHEMA: schemaOf(service),
        KAFKA_BROKERS: this.kafka.brokers,
        KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
        SMTP_URL: this.mail.url,
        SURVEY_PAGE_URL: this.urls['response-ingestion'],
        LOG_LEVEL: 'info', // for the start-up line; a request's log line costs microseconds
        ...this.extraEnv,
      },
    });
    this.processes[service] = child;
    await child.waitForHttp(`${this.urls[service]}/health/ready`, 200, READY_TIMEOUT_MS);
  }
}

/** What kafkajs logs at error level for every request while the broker restarts: expected, and plenty. */
const EXPECTED_UNDER_FAULTS = /"msg":"(Connection error|Failed to connect to seed broker|Response \w+\(key)/;

function tagged(service: ChaosService, output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `${service}: ${line}`);
}

function startLine(output: string): Restart['process'] {
  const line = output.split('\n').find((text) => text.includes('listening on port'));
  if (!line) return undefined;
  const { loadedMs, initMs, readyMs } = JSON.parse(line) as NonNullable<Restart['process']>;
  return { loadedMs, initMs, readyMs };
}
