import type { MessageHandler } from '@nestjs/microservices';
import { ALL_TOPICS, type EventTopic, Topics } from '@nps/contracts';
import { BATCH_HANDLER, type DeadLetterWriter, EventContext, EventProcessor, MessagingSettings } from '@nps/messaging';
import { dataSourceOptions, RetentionClock, runMigrations, SchemaTables } from '@nps/persistence';
import type { EventRecord } from '@nps/testing';
import type { KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CustomerFactsHandler } from '../src/customers/customer-facts.handler';
import { CustomerRepository } from '../src/customers/customer.repository';
import { NpsService } from '../src/nps/nps.service';
import { ResponseRepository } from '../src/responses/response.repository';
import { ResponseScoringHandler } from '../src/responses/response-scoring.handler';
import { RollupReader } from '../src/rollups/rollup.reader';
import { RollupWriter } from '../src/rollups/rollup.writer';
import { ScoringEnv } from '../src/scoring.env';
import { service } from '../src/service.definition';
import { ResponseTagsHandler } from '../src/tags/response-tags.handler';
import { RecoveryMeasurer } from '../src/recovery/recovery.measurer';
import { RecoveryRepository } from '../src/recovery/recovery.repository';

/**
 * The scoring projection and NPS service wired by hand on a real Postgres schema, fed through the
 * messaging lib's own EventProcessor (inbox + handler + outbox in one transaction) without a
 * broker: for tests that push many event sequences through the projection quickly. Kafka itself
 * is covered by the tests that run the service process.
 */
export class ProjectionHarness {
  readonly nps: NpsService;
  /** The clock the projection drops revisions past retention by; a test may set it. */
  readonly clock = new RetentionClock();
  private readonly handlers = new Map<string, MessageHandler>();
  private readonly processor: EventProcessor;
  private offset = 0;

  private constructor(
    readonly dataSource: DataSource,
    readonly schema: string,
    zones: string,
  ) {
    const settings = Object.assign(new MessagingSettings(), {
      service: 'scoring',
      schema,
      topicPrefix: '',
      maxAttempts: 1,
      retryBackoffMs: 0,
    });
    const env = Object.assign(new ScoringEnv(), { ROLLUP_TIME_ZONES: zones });
    const tables = new SchemaTables(schema);
    const responses = new ResponseRepository(tables);
    const writer = new RollupWriter(tables, env);
    const customerRepository = new CustomerRepository(tables);
    const scoring = new ResponseScoringHandler(
      responses,
      writer,
      customerRepository,
      new RecoveryMeasurer(new RecoveryRepository(tables)),
      env,
      this.clock,
    );
    const customers = new CustomerFactsHandler(customerRepository, responses, writer);
    const tags = new ResponseTagsHandler(responses, writer, customerRepository);
    const handler = (apply: (event: never, context: EventContext) => Promise<void>) =>
      apply as unknown as MessageHandler;
    // A batch handler, as the consumer sees it: `@EventPattern(…, BATCH_HANDLER)` sets its extras.
    this.handlers.set(
      Topics.ResponseReceived.name,
      Object.assign((batch: never) => scoring.received(batch), { extras: BATCH_HANDLER }) as unknown as MessageHandler,
    );
    this.handlers.set(
      Topics.ResponseRevised.name,
      handler((event, context) => scoring.revised(event, context)),
    );
    this.handlers.set(
      Topics.CustomerUpserted.name,
      handler((event, context) => customers.upserted(event, context)),
    );
    this.handlers.set(
      Topics.ResponseTagged.name,
      Object.assign((batch: never) => tags.tagged(batch), { extras: BATCH_HANDLER }) as unknown as MessageHandler,
    );
    const deadLetters = {
      write: async ({ error }: { error: unknown }) => {
        throw error;
      },
    } as unknown as DeadLetterWriter;
    this.processor = new EventProcessor(dataSource, settings, deadLetters);
    this.nps = new NpsService(new RollupReader(dataSource, tables), writer);
  }

  static async start(url: string, schema: string, zones = 'UTC'): Promise<ProjectionHarness> {
    const options = { url, schema, entities: [], migrations: service.migrations };
    await runMigrations(options);
    const dataSource = new DataSource({ ...dataSourceOptions(options), extra: { max: 4 } });
    await dataSource.initialize();
    return new ProjectionHarness(dataSource, schema, zones);
  }

  /** Applies one record as the consumer would; a handler failure is thrown (no retries, no DLQ). */
  async apply(record: EventRecord): Promise<void> {
    const topic = ALL_TOPICS.find((candidate) => candidate.name === record.topic) as EventTopic;
    const handler = this.handlers.get(record.topic);
    if (!handler) throw new Error(`scoring does not consume ${record.topic}`);
    const message = {
      ...record.message,
      offset: String(this.offset++),
      timestamp: String(Date.now()),
      attributes: 0,
    } as unknown as KafkaMessage;
    await this.processor.process({ topic, partition: 0, message, heartbeat: async () => undefined }, handler);
  }

  /** Empties every table, for the next run. */
  async reset(): Promise<void> {
    const rollups = ['rollups', 'tag_rollups'].flatMap((table) => [table, `${table}_week`, `${table}_month`]);
    const tables = ['inbox', 'outbox', 'customers', 'responses', 'response_tags', ...rollups].map(
      (table) => `"${this.schema}".${table}`,
    );
    await this.dataSource.query(`TRUNCATE ${tables.join(', ')}`);
  }

  async stop(): Promise<void> {
    await this.dataSource.destroy();
  }
}
