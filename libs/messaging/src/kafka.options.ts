import { Logger } from '@nestjs/common';
import { type BaseEnv, readPemFile } from '@nps/config';
import { type ISocketFactory, type KafkaConfig, logLevel, type logCreator, type SASLOptions } from 'kafkajs';
import { dropKafkajsNegativeTimeoutWarnings, stopIdleRequestQueueTimers } from '@nps/kafkajs-patches';

/** Where and as whom to reach Kafka; also the injection token for it. */
export class KafkaConnection {
  /** host:port list, comma-separated, as in KAFKA_BROKERS. */
  brokers: string;
  clientId: string;
  /** Prepended to every topic name (KAFKA_TOPIC_PREFIX). */
  topicPrefix?: string;
  /** TLS to the brokers: `true` trusts the system's CAs; `ca` holds the PEM bundle of KAFKA_SSL_CA_FILE. */
  ssl?: true | { ca: string[] };
  /** SASL credentials; the password is handed to kafkajs only, never logged. */
  sasl?: SASLOptions;
  /** How sockets to the brokers are opened when not plain TCP or TLS (kafkajs's `socketFactory`): a fault injector. */
  socketFactory?: ISocketFactory;
}

/** The Kafka connection of `clientId` under the given environment (KAFKA_BROKERS, KAFKA_SSL*, KAFKA_SASL*). */
export function kafkaConnectionFrom(env: BaseEnv, clientId: string): KafkaConnection {
  const connection: KafkaConnection = { brokers: env.KAFKA_BROKERS, clientId, topicPrefix: env.KAFKA_TOPIC_PREFIX };
  if (env.KAFKA_SSL) {
    connection.ssl = env.KAFKA_SSL_CA_FILE ? { ca: [readPemFile('KAFKA_SSL_CA_FILE', env.KAFKA_SSL_CA_FILE)] } : true;
  }
  if (env.KAFKA_SASL_MECHANISM) {
    const credentials = { username: env.KAFKA_SASL_USERNAME ?? '', password: env.KAFKA_SASL_PASSWORD ?? '' };
    connection.sasl = { mechanism: env.KAFKA_SASL_MECHANISM, ...credentials } as SASLOptions;
  }
  return connection;
}

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/**
 * kafkajs lines that call for no action. The producer limits its retries on purpose: a send that
 * meets an outage must fail, so that the relay ends its round and the records wait in the outbox
 * (ADR 0014); duplicates after a retry carry their event id and inboxes drop them (ADR 0004).
 */
const NO_ACTION = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);
/**
 * Passing states kafkajs logs at error although it retries them, or the caller expects them: a
 * coordinator or a partition leader still settling on fresh topics (on a fresh broker, the group
 * coordinator is not available until Kafka has created its offsets topic), a KRaft broker that does not
 * serve a topic it created a moment ago (the provisioner polls until it does), and two services
 * creating the same topic at once (the provisioner takes "already exists" as done). Debug lines,
 * not errors.
 */
const SETTLING = new RegExp(
  [
    'coordinator is loading',
    'coordinator is not available',
    'Failed to find group coordinator',
    'not the coordinator',
    'leadership election',
    'There is no leader',
    'not the leader for that topic-partition',
    'does not host this topic-partition',
    'Topic creation errors',
    'already exists',
  ].join('|'),
  'i',
);

/** Whether a kafkajs message or error is one of the passing states above. */
export function isSettling(text: string): boolean {
  return SETTLING.test(text);
}

// Dropped at load, as before: a service module that makes no client yet still runs among kafkajs' timers.
dropKafkajsNegativeTimeoutWarnings();

/** Sends kafkajs' own log lines through the service logger (structured JSON). */
const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const { message, ...rest } = log;
    const extra: Record<string, unknown> = { ...rest };
    delete extra.timestamp; // pino stamps every line itself: one time per line
    if (NO_ACTION.has(message)) return;
    const method = isSettling(`${message} ${String(extra.error ?? '')}`) ? 'debug' : (LEVELS[level] ?? 'log');
    logger[method]({ msg: message, ...extra });
  };
};

/** kafkajs client settings shared by producers, consumers and admin clients. */
export function kafkaConfig(connection: KafkaConnection): KafkaConfig {
  stopIdleRequestQueueTimers();
  return {
    clientId: connection.clientId,
    brokers: connection.brokers.split(',').map((broker) => broker.trim()),
    ...(connection.ssl && { ssl: connection.ssl }),
    ...(connection.sasl && { sasl: connection.sasl }),
    ...(connection.socketFactory && { socketFactory: connection.socketFactory }),
    connectionTimeout: 3000,
    requestTimeout: 10000,
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    // Retries at most 2 s apart: a client notices a returning broker within 2 s, not kafkajs' default 30.
    retry: { initialRetryTime: 300, maxRetryTime: 2000, retries: 8 },
  };
}

/** The physical topic name for a declared (logical) one. */
export function physicalTopic(name: string, prefix = ''): string {
  return `${prefix}${name}`;
}
