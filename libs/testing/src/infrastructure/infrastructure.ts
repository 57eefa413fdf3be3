import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerEngineAnswers, startContainers } from './containers';
import { LocalKafka, localKafkaRunning } from './local-kafka';
import { ensureLocalPostgres } from './local-postgres';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/nps_test';
const LOCAL_KAFKA_PORT = 9092;

export interface TestInfrastructure {
  kafkaBrokers: string;
  databaseUrl: string;
  /** How it was chosen, printed once so a failing run says what it ran against. */
  source: string;
  /** Stops what this run started (nothing that was already there). */
  release(): Promise<void>;
}

/**
 * Picks the Kafka and Postgres the tests run against (docs/adr/0003-test-infrastructure.md):
 * given KAFKA_BROKERS / DATABASE_URL → those; a Docker engine → testcontainers; otherwise the
 * local Kafka runner (deploy/local) and the machine's PostgreSQL server.
 */
export async function provideInfrastructure(env: NodeJS.ProcessEnv = process.env): Promise<TestInfrastructure> {
  const givenKafka = env.KAFKA_BROKERS;
  const givenDatabase = env.DATABASE_URL;
  if (givenKafka && givenDatabase) {
    return {
      kafkaBrokers: givenKafka,
      databaseUrl: givenDatabase,
      source: 'given by KAFKA_BROKERS and DATABASE_URL',
      release: async () => undefined,
    };
  }
  if (!givenKafka && !givenDatabase && env.NPS_TEST_NO_DOCKER !== '1' && (await dockerEngineAnswers())) {
    const containers = await startContainers();
    return { ...containers, source: 'testcontainers', release: containers.stop };
  }
  const databaseUrl = givenDatabase ?? DEFAULT_TEST_DATABASE_URL;
  if (!givenDatabase) await ensureLocalPostgres(databaseUrl);
  if (givenKafka) {
    return {
      kafkaBrokers: givenKafka,
      databaseUrl,
      source: 'given KAFKA_BROKERS, local PostgreSQL',
      release: async () => undefined,
    };
  }
  const alreadyRunning = await localKafkaRunning(LOCAL_KAFKA_PORT);
  // A broker of our own starts from empty storage: whatever earlier, killed runs left in the
  // runner's default state dir (thousands of partitions) cannot slow its start-up.
  const kafka = alreadyRunning
    ? new LocalKafka(LOCAL_KAFKA_PORT)
    : new LocalKafka(LOCAL_KAFKA_PORT, mkdtempSync(join(tmpdir(), 'nps-test-kafka-')));
  if (!alreadyRunning) await kafka.start();
  return {
    kafkaBrokers: kafka.brokers,
    databaseUrl,
    source: `local Kafka runner${alreadyRunning ? ' (already running)' : ''}, local PostgreSQL`,
    release: alreadyRunning ? async () => undefined : () => kafka.dispose(),
  };
}
