import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { type EventTopic } from '@nps/contracts';
import { ensureSchema } from '@nps/persistence';
import { Pool } from 'pg';
import type { LocalIssuer } from '../auth/local-issuer';
import { DEFAULT_ISSUER, type IssuerSource } from '../auth/shared-issuer';
import { toRecord } from '../events/an-event';
import { expectEventually } from '../expect-eventually';
import { freePort } from '../free-port';
import { KafkaProbe } from '../kafka/kafka.probe';
import { type EventRecord, RecordProducer } from '../kafka/record.producer';
import { type ProcessExit, ServiceProcess } from '../service.process';
import { freshName, freshTopicPrefix, testDatabaseUrl, testKafkaBrokers } from '../test-namespace';
import { definitionOf, type ServiceDefinition, type ServiceName } from './service.catalog';
import type { StartedBed } from './started-bed';
import { testKafka } from '../kafka/test-kafka';

const ROOT = resolve(__dirname, '../../../..');
const run = promisify(execFile);

export interface ServiceBedOptions {
  service: ServiceName | (string & {}) | ServiceDefinition;
  /** Environment of every instance, over the bed's own (a `start(env)` can add more). */
  env?: Record<string, string>;
  /** `false`: nothing starts in beforeAll, the test calls `start()` (e.g. once its SMTP server runs). */
  autoStart?: boolean;
  /** Another broker than the test run's, e.g. a `LocalKafka.startDisposable()` the test stops. */
  kafkaBrokers?: string;
  /** A topic namespace shared with other beds (several services in one test); fresh by default. */
  topicPrefix?: string;
  readyTimeoutMs?: number;
  /** The OIDC issuer the service trusts and tokens come from; by default one LocalIssuer per test file. */
  issuer?: IssuerSource;
  /** The key store schema (PRIVACY_SCHEMA); by default one per topic namespace, fresh for a bed alone. */
  privacySchema?: string;
}

/** How a request authenticates: a bearer token (from `tokenFor` or `clientToken`), or none. */
export interface RequestOptions {
  token?: string;
}

export interface PostOptions extends RequestOptions {
  contentType?: string;
}

/** A status and a parsed JSON body. */
export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** One running process of the service under test. */
export interface ServiceInstance {
  readonly process: ServiceProcess;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
}

/**
 * A service under test as its own process on the real broker and database, in a schema and a
 * topic namespace nobody else uses, with the tools its tests need: publish into its input topics,
 * probe its output topics, query its tables, start more instances, stop and restart it.
 */
export class ServiceBed implements StartedBed {
  /** The service's name, as in its logs and consumer group. */
  readonly name: string;
  readonly schema: string;
  /** The key store's schema (docs/adr/0037): the service creates it at start-up. */
  readonly privacySchema: string;
  readonly topicPrefix: string;
  readonly kafkaBrokers: string;
  readonly databaseUrl = testDatabaseUrl();
  /** A pool on the test database whose search_path is the bed's schema. */
  readonly db: Pool;
  private readonly definition: ServiceDefinition;
  private readonly instances: ServiceInstance[] = [];
  private readonly probes: { probe: KafkaProbe; topics: EventTopic[] }[] = [];
  private main?: ServiceInstance;
  private topicsExist = false;
  private startedOnce = false;
  private readonly producer: RecordProducer;
  private prepared?: Promise<void>;
  private issuer?: Promise<LocalIssuer>;
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly options: ServiceBedOptions) {
    this.definition = definitionOf(options.service);
    this.name = this.definition.name;
    this.schema = freshName(this.definition.name.replaceAll('-', '_'));
    // Beds on one topic namespace read each other's events, so they share the key store too.
    this.privacySchema = options.privacySchema ?? privacySchemaOf(options.topicPrefix);
    this.topicPrefix = options.topicPrefix ?? freshTopicPrefix();
    this.kafkaBrokers = options.kafkaBrokers ?? testKafkaBrokers();
    this.producer = new RecordProducer(this.kafkaBrokers, this.topicPrefix);
    this.db = new Pool({ connectionString: this.databaseUrl, max: 4, options: `-c search_path=${this.schema}` });
  }

  /** The base URL of the main instance (the first one started while none ran): `http://127.0.0.1:<port>`. */
  get url(): string {
    return this.current().url;
  }

  /** The process of the main instance: its output, pid, signals. */
  get process(): ServiceProcess {
    return this.current().process;
  }

  /** Creates the bed's schema; `start` does it when needed. */
  prepare(): Promise<void> {
    this.prepared ??= ensureSchema(this.databaseUrl, this.schema);
    return this.prepared;
  }

  /**
   * Starts an instance of the service on the bed's schema and topics and waits until it is ready.
   * With one still running this is a second instance beside it (same consumer group).
   */
  async start(env: Record<string, string> = {}): Promise<ServiceInstance> {
    const [issuer] = await Promise.all([this.localIssuer(), this.prepare()]);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const process = ServiceProcess.start({
      entry: this.definition.entry,
      env: { ...issuer.env, ...this.environment(port, url), ...env },
    });
    const instance = { process, url };
    this.instances.push(instance);
    const readyUrl = `${url}${this.definition.readyPath ?? '/health/ready'}`;
    await process.waitForHttp(readyUrl, 200, this.options.readyTimeoutMs ?? 90000).catch((error: Error) => {
      error.message += `\n${this.name} printed:\n${process.output.slice(-3000)}`;
      throw error;
    });
    if (!this.main?.process.running) this.main = instance;
    this.topicsExist = true;
    await Promise.all(this.probes.map(({ probe, topics }) => probe.watch(topics)));
    if (!this.startedOnce) {
      this.startedOnce = true;
      await this.definition.afterFirstStart?.(this);
    }
    return instance;
  }

  /** The issuer the service trusts (started with the bed's first instance). */
  localIssuer(): Promise<LocalIssuer> {
    this.issuer ??= (this.options.issuer ?? DEFAULT_ISSUER).acquire();
    return this.issuer;
  }

  /** An access token of a seeded person (deploy/local/oidc-seed.json: alice, lena, adam, nina…), with their roles. */
  tokenFor(person: string): Promise<string> {
    return this.cachedToken(person, (issuer) => issuer.token(person));
  }

  /** A machine client's token with `scopes`, by default every scope it is seeded with (`nps-reader`, `crm-sync`…). */
  clientToken(client: string, scopes?: string[]): Promise<string> {
    return this.cachedToken(`${client} ${scopes?.join(' ')}`, (issuer) => issuer.clientToken(client, scopes));
  }

  private cachedToken(key: string, fetchToken: (issuer: LocalIssuer) => Promise<string>): Promise<string> {
    let token = this.tokens.get(key);
    if (!token) {
      token = this.localIssuer().then(fetchToken);
      token.catch(() => this.tokens.delete(key));
      this.tokens.set(key, token);
    }
    return token;
  }

  /** Where the service finds its broker, database, schema and topics. */
  namespaceEnv(): Record<string, string> {
    return {
      KAFKA_BROKERS: this.kafkaBrokers,
      DATABASE_URL: this.databaseUrl,
      DB_SCHEMA: this.schema,
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      PRIVACY_SCHEMA: this.privacySchema,
    };
  }

  /** The environment every instance gets: written once here for all services. */
  private environment(port: number, url: string): Record<string, string> {
    return {
      PORT: String(port),
      ...this.namespaceEnv(),
      // A killed instance's partitions go to the survivors in seconds, not the default 30.
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'warn',
      ...this.definition.testEnv?.(url),
      ...this.options.env,
    };
  }

  /**
   * Runs the service's command-line tool with `args` on the bed's schema and topics; rejects
   * (with `code`, `stdout` and `stderr`) when it exits non-zero.
   */
  async cli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
    if (!this.definition.cli) throw new Error(`${this.definition.name} has no command-line tool`);
    const env = { ...process.env, ...this.namespaceEnv() };
    return run(process.execPath, ['-r', '@swc-node/register', this.definition.cli, ...args], { cwd: ROOT, env });
  }

  /** Stops every running instance with `signal`; resolves with how the main one ended. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<ProcessExit> {
    const main = this.current();
    await Promise.all(this.instances.map((instance) => instance.process.stop(signal)));
    return main.process.stop(signal);
  }

  /** Stops every instance (SIGTERM: drain and exit) and starts one again on the same schema and topics. */
  async restart(env: Record<string, string> = {}): Promise<ServiceInstance> {
    await this.stop('SIGTERM');
    return this.start(env);
  }

  /**
   * A KafkaProbe reading `topics` of the bed's namespace from their beginning. Made before the
   * service runs, it starts reading once the service created the topics; `probe.ready()` waits.
   */
  probe(...topics: EventTopic[]): KafkaProbe {
    const probe = new KafkaProbe(this.kafkaBrokers, this.topicPrefix);
    this.probes.push({ probe, topics });
    if (this.topicsExist) probe.watch(topics).catch(() => undefined); // the failure surfaces in ready()
    return probe;
  }

  /** Publishes events into `topic` of the bed's namespace, as an outside producer would, in order. */
  async publish<Desc extends DescMessage>(
    topic: EventTopic<Desc>,
    messages: MessageInitShape<Desc> | MessageInitShape<Desc>[],
  ): Promise<void> {
    const records = (Array.isArray(messages) ? messages : [messages]).map((message) => toRecord(topic, message));
    await this.publishRecords(records);
  }

  /** Publishes encoded records (the same record twice is a redelivery), in order per topic, `batch` per request. */
  async publishRecords(records: EventRecord[], batch = 2000): Promise<void> {
    for (let i = 0; i < records.length; i += batch) await this.producer.send(records.slice(i, i + batch));
  }

  /** Waits until the service has published everything it wrote to its outbox. */
  async outboxDrained(timeoutMs = 60000): Promise<void> {
    const pending = async () => (await this.rows<{ n: number }>('SELECT count(*)::int AS n FROM outbox'))[0].n;
    await expectEventually(async () => expect(await pending()).toBe(0), { timeoutMs, intervalMs: 250 });
  }

  /** Rows of `sql` run on the bed's schema; `$schema` in the text stands for the quoted schema name. */
  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(sql.replaceAll('$schema', `"${this.schema}"`), params)).rows as T[];
  }

  /** How many records `topic` of the bed's namespace holds. */
  async topicSize(topic: EventTopic): Promise<number> {
    const admin = testKafka(this.kafkaBrokers, 'service-bed').admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(this.topicPrefix + topic.name);
      return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * POSTs `body` (JSON unless it is a string) to the service, with `token` as bearer token; the
   * answer's status and JSON body. A string third argument is the content type.
   */
  async post(path: string, body: unknown, options: string | PostOptions = {}): Promise<HttpAnswer> {
    const { contentType = 'application/json', token } =
      typeof options === 'string' ? { contentType: options } : options;
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    const headers = { 'content-type': contentType, ...bearer(token) };
    const response = await fetch(this.url + path, { method: 'POST', headers, body: payload });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** GETs `path` of the service, with `token` as bearer token, and returns its JSON body. */
  async get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await (await fetch(this.url + path, { headers: bearer(options.token) })).json()) as T;
  }

  /** Kills every instance and closes probes, the publisher and the pool, and lets go of the issuer. */
  async close(): Promise<void> {
    await Promise.all(this.instances.map((instance) => instance.process.stop('SIGKILL')));
    if (this.issuer) await (this.options.issuer ?? DEFAULT_ISSUER).release();
    await Promise.all(this.probes.map(({ probe }) => probe.close()));
    await this.producer.close();
    await this.db.end();
  }

  private current(): ServiceInstance {
    if (!this.main) throw new Error(`${this.name} has not been started: call start(), or let the bed start it`);
    return this.main;
  }
}

/** The key store schema of beds sharing `topicPrefix`; a fresh one for a bed alone. */
export function privacySchemaOf(topicPrefix?: string): string {
  return topicPrefix
    ? `privacy_${topicPrefix.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63)
    : freshName('privacy');
}

function bearer(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
