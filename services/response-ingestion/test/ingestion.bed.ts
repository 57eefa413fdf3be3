import { randomUUID } from 'node:crypto';
import { Channel } from '@nps/contracts';
import { DEVELOPMENT_SURVEY_LINK_KEYS, SurveyLinks, type SurveyLinkClaims } from '@nps/survey-links';
import { freePort, freshSchema, freshTopicPrefix, ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import { Client } from 'pg';

export interface RunningIngestion {
  url: string;
  schema: string;
  topicPrefix: string;
  process: ServiceProcess;
}

/** Starts response-ingestion processes on a fresh schema and topic namespace; kills them after each test file. */
export function ingestionBed() {
  const db = new Client({ connectionString: testDatabaseUrl() });
  const running: ServiceProcess[] = [];
  beforeAll(() => db.connect());
  afterAll(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await db.end();
  });
  return {
    db,
    async namespace(): Promise<{ schema: string; topicPrefix: string }> {
      return { schema: await freshSchema('response_ingestion'), topicPrefix: freshTopicPrefix() };
    },
    async start(namespace: { schema: string; topicPrefix: string }, env: Record<string, string> = {}): Promise<RunningIngestion> {
      const port = await freePort();
      const process = ServiceProcess.start({
        entry: 'services/response-ingestion/src/main.ts',
        env: {
          PORT: String(port),
          KAFKA_BROKERS: testKafkaBrokers(),
          DATABASE_URL: testDatabaseUrl(),
          DB_SCHEMA: namespace.schema,
          KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
          KAFKA_SESSION_TIMEOUT_MS: '6000',
          SURVEY_PAGE_URL: `http://127.0.0.1:${port}`,
          ...env,
        },
      });
      running.push(process);
      const url = `http://127.0.0.1:${port}`;
      await process.waitForHttp(`${url}/health/ready`, 200, 90000);
      return { url, process, ...namespace };
    },
    async outboxSize(schema: string): Promise<number> {
      return Number((await db.query(`SELECT count(*) AS n FROM "${schema}".outbox`)).rows[0].n);
    },
  };
}

/** Claims of a survey link as survey-dispatch would sign them. */
export function aSurveyLink(overrides: Partial<SurveyLinkClaims> = {}): SurveyLinkClaims {
  const id = randomUUID().slice(0, 8);
  return {
    surveyRequestId: `sr-${id}`,
    customerId: `c-${id}`,
    touchpointId: `order-${id}`,
    touchpointType: 'order-delivered',
    channel: Channel.EMAIL,
    language: 'nl',
    expiresAt: new Date(Date.now() + 14 * 24 * 3600_000),
    ...overrides,
  };
}

export const devLinks = (baseUrl: string) => new SurveyLinks(DEVELOPMENT_SURVEY_LINK_KEYS, baseUrl);
