import { Topics, type EventTopic } from '@nps/contracts';
import { freePort, freshSchema, freshTopicPrefix, KafkaProbe, ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import { Client } from 'pg';

export const WATCHED: EventTopic[] = [Topics.CustomerUpserted, Topics.SurveyDispatched, Topics.SurveyReminded, Topics.SurveyExpired, Topics.SurveyFailed];

export interface DispatchBed {
  url: string;
  schema: string;
  topicPrefix: string;
  service: ServiceProcess;
  kafka: KafkaProbe;
  db: Client;
  post(path: string, body: unknown, contentType?: string): Promise<{ status: number; body: unknown }>;
  get<T>(path: string): Promise<T>;
  /** Another instance of the service on the same schema and topics (stopped with the bed). */
  startAnotherInstance(): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/** survey-dispatch as its own process on the real broker and database, in a fresh schema and topic namespace. */
export async function startDispatch(env: Record<string, string> = {}): Promise<DispatchBed> {
  const schema = await freshSchema('survey_dispatch');
  const topicPrefix = freshTopicPrefix();
  const spawnInstance = async () => {
    const port = await freePort();
    const process = ServiceProcess.start({
      entry: 'services/survey-dispatch/src/main.ts',
      env: {
        PORT: String(port),
        KAFKA_BROKERS: testKafkaBrokers(),
        DATABASE_URL: testDatabaseUrl(),
        DB_SCHEMA: schema,
        KAFKA_TOPIC_PREFIX: topicPrefix,
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        SCHEDULER_POLL_MS: '100',
        ...env,
      },
    });
    const url = `http://127.0.0.1:${port}`;
    await process.waitForHttp(`${url}/health/ready`);
    return { process, url };
  };
  const { process: service, url } = await spawnInstance();
  const others: ServiceProcess[] = [];
  const kafka = new KafkaProbe(testKafkaBrokers(), topicPrefix);
  await kafka.watch(WATCHED);
  const db = new Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  return {
    url,
    schema,
    topicPrefix,
    service,
    kafka,
    db,
    post: async (path, body, contentType = 'application/json') => {
      const response = await fetch(url + path, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    },
    get: async <T>(path: string) => (await (await fetch(url + path)).json()) as T,
    startAnotherInstance: async () => {
      const other = (await spawnInstance()).process;
      others.push(other);
      return other;
    },
    stop: async () => {
      await Promise.all([service, ...others].map((instance) => instance.stop('SIGKILL')));
      await kafka.close();
      await db.end();
    },
  };
}

/** A CSV of customers (header included) from objects with the CSV column names. */
export function csvOf(rows: Record<string, string>[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [columns.join(','), ...rows.map((row) => columns.map((column) => row[column] ?? '').join(','))].join('\n') + '\n';
}
