import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { JwtService } from '@nestjs/jwt';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { encodeEvent, type EventTopic, ROOT_CAUSE_TAXONOMY_ID, Topics } from '@nps/contracts';
import { ensureTopics, EventPublisher, kafkaConfig } from '@nps/messaging';
import { expectEventually, freePort, freshSchema, freshTopicPrefix, ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

/** The root causes every bed starts with, as root-cause-tagging would publish them (docs/adr/0012). */
export const TEST_ROOT_CAUSES = ['price', 'delivery', 'support', 'billing'];

/** The development signing key of case-management (its AUTH_JWT_SECRET default). */
export const DEV_JWT_SECRET = 'local-development-only-case-management-key';

export interface CaseManagementInstance {
  process: ServiceProcess;
  url: string;
}

export interface TokenClaims {
  sub: string;
  roles: ('agent' | 'lead' | 'admin')[];
  teams?: string[];
}

/**
 * One case-management namespace (fresh schema and topic prefix) with as many service processes as
 * a test starts, a publisher into its topics, a database client and tokens. Processes are killed
 * after each file.
 */
export class CaseManagementBed {
  readonly db = new Client({ connectionString: testDatabaseUrl() });
  readonly brokers = testKafkaBrokers();
  schema = '';
  topicPrefix = '';
  private publisher?: EventPublisher;
  private taxonomySeeded = false;
  private readonly running: ServiceProcess[] = [];
  private readonly jwt = new JwtService({ secret: DEV_JWT_SECRET });

  /** Registers beforeAll/afterAll hooks of the calling describe block. */
  static register(): CaseManagementBed {
    const bed = new CaseManagementBed();
    beforeAll(async () => {
      await bed.db.connect();
      bed.schema = await freshSchema('case_management');
      bed.topicPrefix = freshTopicPrefix();
    });
    afterAll(async () => {
      await Promise.all(bed.running.splice(0).map((process) => process.stop('SIGKILL')));
      await bed.publisher?.onApplicationShutdown();
      await bed.db.end();
    });
    return bed;
  }

  async start(env: Record<string, string> = {}): Promise<CaseManagementInstance> {
    const first = !this.taxonomySeeded;
    if (first) await this.seedTaxonomy();
    const port = await freePort();
    const process = ServiceProcess.start({
      entry: 'services/case-management/src/main.ts',
      env: {
        PORT: String(port),
        KAFKA_BROKERS: this.brokers,
        DATABASE_URL: testDatabaseUrl(),
        DB_SCHEMA: this.schema,
        KAFKA_TOPIC_PREFIX: this.topicPrefix,
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        LOG_LEVEL: 'warn',
        ...env,
      },
    });
    this.running.push(process);
    const url = `http://127.0.0.1:${port}`;
    await process.waitForHttp(`${url}/health/ready`, 200, 90000);
    if (first) await expectEventually(async () => expect(await this.rows('SELECT tag_id FROM $schema.root_causes')).toHaveLength(TEST_ROOT_CAUSES.length), { timeoutMs: 30000 });
    return { process, url };
  }

  /** Publishes version 1 of the root-cause taxonomy (TEST_ROOT_CAUSES) before the first instance starts, which reads it first thing. */
  private async seedTaxonomy(): Promise<void> {
    const admin = new Kafka({ ...kafkaConfig({ brokers: this.brokers, clientId: 'case-management-test-admin' }), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [Topics.TaxonomyPublished], this.topicPrefix);
    } finally {
      await admin.disconnect();
    }
    const tags = TEST_ROOT_CAUSES.map((tagId) => ({ tagId, name: tagId }));
    const eventId = `00000000-0000-4000-8000-${'0'.repeat(11)}1`;
    await this.publish(Topics.TaxonomyPublished, [{ eventId, occurredAt: timestampNow(), taxonomyId: ROOT_CAUSE_TAXONOMY_ID, version: 1, versionLabel: 'taxonomy-1', tags }]);
    this.taxonomySeeded = true;
  }

  async publish<Desc extends DescMessage>(topic: EventTopic<Desc>, messages: MessageInitShape<Desc>[]): Promise<void> {
    if (!this.publisher) {
      this.publisher = new EventPublisher({ brokers: this.brokers, clientId: 'case-management-test', topicPrefix: this.topicPrefix });
      await this.publisher.onModuleInit();
    }
    await this.publisher.publish(
      topic.name,
      messages.map((message) => encodeEvent(topic, message, { source: 'urn:nps:test' })),
    );
  }

  token(claims: TokenClaims, secret = DEV_JWT_SECRET, expiresInSeconds = 3600): string {
    return this.jwt.sign({ teams: [], ...claims }, { secret, expiresIn: expiresInSeconds });
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(sql.replaceAll('$schema', `"${this.schema}"`), params)).rows as T[];
  }
}

/** JSON over HTTP with a bearer token. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies of the API under test are checked by matchers, not by the compiler
export async function call(url: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
