import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** True when a Docker engine answers (not merely a docker client on the PATH). */
export async function dockerEngineAnswers(): Promise<boolean> {
  return run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 }).then(
    () => true,
    () => false,
  );
}

export interface StartedContainers {
  kafkaBrokers: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Kafka 3.9 (Confluent 7.9 image, KRaft) and Postgres 17 through testcontainers. */
export async function startContainers(): Promise<StartedContainers> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new PostgreSqlContainer('postgres:17-alpine').withDatabase('nps_test').withUsername('postgres').start(),
  ]);
  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    databaseUrl: postgres.getConnectionUri(),
    stop: async () => {
      await Promise.all([kafka.stop(), postgres.stop()]);
    },
  };
}
