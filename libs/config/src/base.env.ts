import 'reflect-metadata';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { DevelopmentDefault, hasDevelopmentDatabasePassword } from './development-default';
import { EnvBoolean } from './env-boolean';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const NPS_ENVIRONMENTS = ['development', 'production'] as const;
export const KAFKA_SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512', 'plain'] as const;
/** libpq's names: `require` encrypts without checking the certificate; `verify-*` check it (docs/adr/0026). */
export const DATABASE_SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;

/**
 * Variables of every HTTP process: environment, listening address, logs, HTTP hardening, shutdown
 * and the OIDC issuer. A process without a database or Kafka (the ops console) extends this one.
 */
export class HttpEnv {
  /** `production` refuses every development secret and default marked @DevelopmentDefault (docs/security.md). */
  @IsIn(NPS_ENVIRONMENTS)
  NPS_ENV: (typeof NPS_ENVIRONMENTS)[number] = 'development';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** Interface HTTP listens on: this machine only by default; `0.0.0.0` in containers. */
  @IsString()
  HOST = '127.0.0.1';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsInt()
  @Min(1000)
  @Max(60000)
  SHUTDOWN_TIMEOUT_MS: number = 9000;

  /**
   * How far V8 lets the old generation grow past what the last full collection left, in percent,
   * before it collects again; 0: V8's own choice (up to 4× the live heap). ADR 0049.
   */
  @IsInt()
  @Min(0)
  @Max(300)
  HEAP_GROWING_PERCENT: number = 30;

  /** `Retry-After` of the 503 an HTTP request gets while Postgres is unreachable. */
  @IsInt()
  @Min(1)
  @Max(3600)
  HTTP_RETRY_AFTER_SECONDS: number = 5;

  /** Largest JSON or form body any route takes, in bytes; a larger one gets 413 (docs/security.md). */
  @IsInt()
  @Min(1024)
  @Max(104857600)
  HTTP_BODY_LIMIT_BYTES: number = 102400;

  /**
   * `Strict-Transport-Security` max-age in seconds; 0 (the default, plain http on a developer machine) sends none.
   * Set it (e.g. 31536000) in production, where the service is only reached over https.
   */
  @IsInt()
  @Min(0)
  @Max(63072000)
  HTTP_HSTS_MAX_AGE_SECONDS: number = 0;

  /** Reverse proxies in front of the service whose `X-Forwarded-For` is trusted for the client address. */
  @IsInt()
  @Min(0)
  @Max(10)
  HTTP_TRUSTED_PROXY_HOPS: number = 0;

  @IsOptional()
  @IsString()
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** OIDC issuer of access tokens (`iss`); its discovery document names the JWKS. Default: deploy/local/oidc.js. */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  @DevelopmentDefault({ reason: 'is the local development issuer', secret: false })
  OIDC_ISSUER = 'http://127.0.0.1:3010';

  /** Audience (`aud`) every access token must name: the resource indicator of this platform's API. */
  @IsString()
  OIDC_AUDIENCE = 'urn:nps:api';

  /** Claim holding a person's roles (agent, lead, admin, analyst). */
  @IsString()
  OIDC_ROLES_CLAIM = 'roles';

  /** Claim holding the ids of a person's teams. */
  @IsString()
  OIDC_TEAMS_CLAIM = 'teams';
}

/**
 * Variables every platform service reads: HttpEnv plus Postgres, Kafka, consumers and retention. A
 * service extends this class with its own; every property needs a default that works on a developer
 * machine (see README, Configuration).
 */
export class BaseEnv extends HttpEnv {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  @DevelopmentDefault({
    when: hasDevelopmentDatabasePassword,
    reason: 'has the development password "postgres" or none',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/nps';

  @IsIn(DATABASE_SSL_MODES)
  DATABASE_SSL_MODE: (typeof DATABASE_SSL_MODES)[number] = 'disable';

  /** PEM bundle of the CA that signed the Postgres server certificate; unset: the system's CAs. */
  @IsOptional()
  @IsString()
  DATABASE_SSL_CA_FILE?: string;

  /** Connections per service instance (and per migration run: one). */
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /** Postgres `statement_timeout` of every pooled connection; 0: none. Migrations run without it. */
  @IsInt()
  @Min(0)
  @Max(3600000)
  DATABASE_STATEMENT_TIMEOUT_MS: number = 0;

  /**
   * Whether a service applies pending migrations when it starts (under an advisory lock, docs/adr/0026).
   * Production sets false: a migration Job runs `cli.js migrate` before new pods start.
   */
  @EnvBoolean()
  DB_MIGRATIONS_RUN: boolean = true;

  /** Overrides the service's own Postgres schema name (tests use a fresh one per run). */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case SQL identifier' })
  DB_SCHEMA?: string;

  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** Prepended to every topic name, so several environments can share one cluster. */
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'may only hold letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX = '';

  @EnvBoolean()
  KAFKA_SSL: boolean = false;

  /** PEM bundle of the CA that signed the brokers' certificates (with KAFKA_SSL); unset: the system's CAs. */
  @IsOptional()
  @IsString()
  KAFKA_SSL_CA_FILE?: string;

  /** SASL authentication to the brokers; unset: none. Needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. */
  @IsOptional()
  @IsIn(KAFKA_SASL_MECHANISMS)
  KAFKA_SASL_MECHANISM?: (typeof KAFKA_SASL_MECHANISMS)[number];

  @ValidateIf((env: BaseEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsNotEmpty({ message: 'must be set with KAFKA_SASL_MECHANISM' })
  KAFKA_SASL_USERNAME?: string;

  /** Secret: only ever handed to kafkajs, never logged. Empty by default, so no development value to refuse. */
  @ValidateIf((env: BaseEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsNotEmpty({ message: 'must be set with KAFKA_SASL_MECHANISM' })
  KAFKA_SASL_PASSWORD?: string;

  /** Replicas of each topic a service creates; existing topics keep theirs (docs/messaging.md). */
  @IsInt()
  @Min(1)
  @Max(32)
  KAFKA_TOPIC_REPLICATION_FACTOR: number = 1;

  /** `min.insync.replicas` of each topic a service creates: acks=all writes fail below it. */
  @IsInt()
  @Min(1)
  @Max(32)
  KAFKA_TOPIC_MIN_INSYNC_REPLICAS: number = 1;

  /** Whether this instance publishes its outbox (one instance at a time does, by lock). */
  @EnvBoolean()
  OUTBOX_RELAY_ENABLED: boolean = true;

  @IsInt()
  @Min(1)
  @Max(10000)
  OUTBOX_BATCH_SIZE: number = 500;

  /**
   * Whether the idle relay waits for the NOTIFY of a committed outbox insert (true) or polls every
   * 50 ms (false); while rows keep coming it reads every 50 ms either way (ADR 0050). Turn it off
   * behind a pooler in transaction mode, which does not carry LISTEN sessions.
   */
  @EnvBoolean()
  OUTBOX_RELAY_LISTEN: boolean = true;

  /** While listening, how long the relay waits without a notification before it looks anyway. */
  @IsInt()
  @Min(10)
  @Max(600000)
  OUTBOX_RELAY_IDLE_MS: number = 1000;

  /**
   * While listening, how long the relay waits after a notification before it reads the outbox, so
   * the commits right behind the first go out in the same produce request (Kafka's linger.ms).
   */
  @IsInt()
  @Min(0)
  @Max(1000)
  OUTBOX_RELAY_LINGER_MS: number = 10;

  /**
   * The longest one relay batch (lock proof, read, publish, delete) may take. Past it the relay
   * counts the batch as stuck, logs the step it hung in, replaces its Kafka producer and starts over.
   */
  @IsInt()
  @Min(1000)
  @Max(600000)
  OUTBOX_RELAY_BATCH_TIMEOUT_MS: number = 60000;

  /** Attempts per consumed record before it goes to `<topic>.dlq`. */
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS: number = 5;

  /** First retry delay; doubles per attempt. */
  @IsInt()
  @Min(0)
  @Max(60000)
  CONSUMER_RETRY_BACKOFF_MS: number = 200;

  /**
   * Partitions kafkajs hands over at the same time. In batch mode the ones of a topic handed over
   * together are applied in one transaction (docs/adr/0047-partitions-applied-together.md).
   */
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_PARTITIONS_CONCURRENTLY: number = 1;

  /**
   * Records of one partition applied in one transaction (docs/adr/0039-batch-consumer.md);
   * 1 applies each record in its own transaction. Records applied one at a time (a handler that
   * does not take batches, or a failed batch) take 64 per transaction, one savepoint each (ADR 0075).
   */
  @IsInt()
  @Min(1)
  @Max(256)
  CONSUMER_BATCH_SIZE: number = 1;

  /**
   * With CONSUMER_BATCH_SIZE > 1: how long a fetch may wait on the broker for a fuller batch. 0: a
   * fetch is answered as soon as a record is there (docs/adr/0052-fetch-what-is-there.md).
   */
  @IsInt()
  @Min(0)
  @Max(5000)
  CONSUMER_BATCH_WAIT_MS: number = 0;

  /**
   * The most bytes one fetch brings (Kafka's fetch.max.bytes). kafkajs asks for a service's partitions
   * in the same order every time, so a limit below partitions × CONSUMER_PARTITION_FETCH_MAX_BYTES
   * starves the last ones while the first have a backlog (docs/adr/0055-fetch-what-a-few-batches-need.md).
   */
  @IsInt()
  @Min(1024)
  @Max(104857600)
  CONSUMER_FETCH_MAX_BYTES: number = 10485760;

  /**
   * The most bytes one fetch brings of one partition (Kafka's max.partition.fetch.bytes), which the
   * consumer holds decoded until it has applied them: kafkajs' 1 MiB is thousands of records for
   * batches of 32. A record larger than this still comes, alone.
   */
  @IsInt()
  @Min(1024)
  @Max(104857600)
  CONSUMER_PARTITION_FETCH_MAX_BYTES: number = 131072;

  @IsInt()
  @Min(100)
  @Max(600000)
  CONSUMER_LAG_INTERVAL_MS: number = 10000;

  /** How long the group waits for a silent consumer before giving its partitions to another. */
  @IsInt()
  @Min(6000)
  @Max(300000)
  KAFKA_SESSION_TIMEOUT_MS: number = 10000;

  /**
   * Days an inbox row (the id of an applied event) is kept: longer than any topic, dead-letter
   * topics included (90 days), keeps its records, plus a margin, so replaying what Kafka still
   * holds applies nothing twice (docs/messaging.md, Retention).
   */
  @IsInt()
  @Min(1)
  @Max(3650)
  INBOX_RETENTION_DAYS: number = 97;

  /**
   * Days a customer's answer and every per-answer row derived from it (scores, tags, comments, follow-ups)
   * is kept after it was given, in every service; aggregates (NPS rollups) stay (docs/privacy.md, Retention).
   */
  @IsInt()
  @Min(1)
  @Max(36500)
  ANSWER_RETENTION_DAYS: number = 730;

  /** How often expired rows (inbox, and the service's own registered tables) are pruned; 0: never. */
  @IsInt()
  @Min(0)
  @Max(86400000)
  RETENTION_INTERVAL_MS: number = 3600000;

  /** Rows deleted per statement while pruning. */
  @IsInt()
  @Min(1)
  @Max(100000)
  RETENTION_BATCH_SIZE: number = 5000;
}
