import { Kafka, logLevel } from 'kafkajs';
import { decodeEvent, type EventTopic } from '@nps/contracts';
import { EventPublisher, kafkaConfig, physicalTopic } from '@nps/messaging';
import { expectEventually, freePort, freshSchema, freshTopicPrefix, ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import type { MessageShape } from '@bufbuild/protobuf';
import { Client } from 'pg';
import type { TopicRecord } from './scoring.events';

/** The body of `GET /nps`, as far as the tests read it. */
export interface NpsBody {
  rows: ({ period: string | null; group: Record<string, string>; n: number; promoters: number; passives: number; detractors: number; nps: number } & Record<string, unknown>)[];
}

export interface ScoringNamespace {
  schema: string;
  topicPrefix: string;
}

export interface ScoringBed {
  readonly db: Client;
  readonly brokers: string;
  namespace(): Promise<ScoringNamespace>;
  /** Starts scoring from source in `namespace`; killed when the test ends. */
  start(namespace: ScoringNamespace, env?: Record<string, string>): Promise<{ process: ServiceProcess; url: string }>;
  /** Produces records as an outside producer would, in the given order per topic. */
  produce(namespace: ScoringNamespace, records: TopicRecord[], batch?: number): Promise<void>;
  /** How many records `topic` of the namespace holds. */
  size(namespace: ScoringNamespace, topic: EventTopic): Promise<number>;
  /** Waits until the service has published everything it wrote to its outbox. */
  outboxDrained(namespace: ScoringNamespace): Promise<void>;
  /** Every event on `topic` of the namespace so far, decoded. */
  consumed<T extends EventTopic>(namespace: ScoringNamespace, topic: T, atLeast: number): Promise<MessageShape<T['schema']>[]>;
}

export async function startScoring(brokers: string, namespace: ScoringNamespace, env: Record<string, string> = {}): Promise<{ process: ServiceProcess; url: string }> {
  const port = await freePort();
  const process = ServiceProcess.start({
    entry: 'services/scoring/src/main.ts',
    env: {
      PORT: String(port),
      KAFKA_BROKERS: brokers,
      DATABASE_URL: testDatabaseUrl(),
      DB_SCHEMA: namespace.schema,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await process.waitForHttp(`${url}/health/ready`);
  return { process, url };
}

/** Hooks and tools of a scoring integration test: database client, producer, consumer, cleanup. */
export function scoringBed(): ScoringBed {
  const db = new Client({ connectionString: testDatabaseUrl() });
  const brokers = testKafkaBrokers();
  const running: ServiceProcess[] = [];
  beforeAll(() => db.connect());
  afterEach(() => Promise.all(running.splice(0).map((service) => service.stop('SIGKILL'))));
  afterAll(() => db.end());
  return {
    db,
    brokers,
    namespace: async () => ({ schema: await freshSchema('scoring'), topicPrefix: freshTopicPrefix() }),
    start: async (namespace, env) => {
      const started = await startScoring(brokers, namespace, env);
      running.push(started.process);
      return started;
    },
    produce: async (namespace, records, batch = 2000) => {
      const publisher = new EventPublisher({ brokers, clientId: 'scoring-test', topicPrefix: namespace.topicPrefix });
      await publisher.onModuleInit();
      try {
        for (let i = 0; i < records.length; i += batch) await publisher.publishInOrder(records.slice(i, i + batch));
      } finally {
        await publisher.onApplicationShutdown();
      }
    },
    size: async (namespace, topic) => {
      const admin = new Kafka({ ...kafkaConfig({ brokers, clientId: 'scoring-test-admin' }), logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const offsets = await admin.fetchTopicOffsets(physicalTopic(topic.name, namespace.topicPrefix));
        return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
      } finally {
        await admin.disconnect();
      }
    },
    outboxDrained: async (namespace) => {
      await expectEventually(async () => expect(Number((await db.query(`SELECT count(*) AS n FROM "${namespace.schema}".outbox`)).rows[0].n)).toBe(0), {
        timeoutMs: 60000,
        intervalMs: 250,
      });
    },
    consumed: async <T extends EventTopic>(namespace: ScoringNamespace, topic: T, atLeast: number) => {
      const kafka = new Kafka({ ...kafkaConfig({ brokers, clientId: 'scoring-test-reader', topicPrefix: namespace.topicPrefix }), logLevel: logLevel.NOTHING });
      const consumer = kafka.consumer({ groupId: `${namespace.topicPrefix}reader-${Math.random().toString(36).slice(2)}` });
      const messages: unknown[] = [];
      await consumer.connect();
      try {
        await consumer.subscribe({ topic: physicalTopic(topic.name, namespace.topicPrefix), fromBeginning: true });
        let resolveDone: () => void = () => undefined;
        const done = new Promise<void>((resolve) => (resolveDone = resolve));
        await consumer.run({
          eachMessage: async ({ message }) => {
            messages.push(decodeEvent(topic, message).message);
            if (messages.length >= atLeast) resolveDone();
          },
        });
        const timeout = new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`only ${messages.length} of ${atLeast} events on ${topic.name}`)), 60000).unref());
        await Promise.race([done, timeout]);
      } finally {
        await consumer.disconnect();
      }
      return messages as MessageShape<T['schema']>[];
    },
  };
}
