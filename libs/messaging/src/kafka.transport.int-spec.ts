import { Topics } from '@nps/contracts';
import { expectEventually, freshName, freshSchema, freshTopicPrefix, ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { EventPublisher } from './event.publisher';
import { kafkaConfig, physicalTopic } from './kafka.options';
import { ensureTopics } from './topic.provisioner';

const FIXTURE = 'libs/messaging/test/recording-consumer.fixture.ts';

describe('KafkaTransport against a real broker', () => {
  const db = new Client({ connectionString: testDatabaseUrl() });
  const brokers = testKafkaBrokers();
  const kafka = new Kafka(kafkaConfig({ brokers, clientId: 'transport-test' }));
  const admin = kafka.admin();
  let schema: string;
  let topicPrefix: string;
  let consumer: ServiceProcess | undefined;

  beforeAll(async () => {
    await Promise.all([db.connect(), admin.connect()]);
  });

  beforeEach(async () => {
    schema = await freshSchema('transport');
    topicPrefix = freshTopicPrefix();
    await db.query(`CREATE TABLE "${schema}".effects (value text NOT NULL, "offset" bigint NOT NULL)`);
    await ensureTopics(admin, [Topics.ResponseReceived], topicPrefix);
  });

  afterEach(async () => {
    await consumer?.stop('SIGKILL');
  });

  afterAll(async () => {
    await Promise.all([db.end(), admin.disconnect()]);
  });

  const effects = async () => (await db.query(`SELECT value FROM "${schema}".effects ORDER BY "offset"`)).rows.map((row) => row.value);

  async function publishInOrder(values: string[]): Promise<void> {
    const publisher = new EventPublisher({ brokers, clientId: 'response-ingestion', topicPrefix });
    await publisher.onModuleInit();
    // One key: one partition, so the order below is the order the consumer sees.
    await publisher.publish(Topics.ResponseReceived.name, values.map((value) => ({ key: 'customer-1', value: Buffer.from(value) })));
    await publisher.onApplicationShutdown();
  }

  async function committedOffset(groupId: string): Promise<number> {
    const [topic] = await admin.fetchOffsets({ groupId, topics: [physicalTopic(Topics.ResponseReceived.name, topicPrefix)] });
    return Math.max(...topic.partitions.map((partition) => Number(partition.offset)));
  }

  function startConsumer(groupId: string, hangOn = ''): ServiceProcess {
    return ServiceProcess.start({
      entry: FIXTURE,
      env: { KAFKA_BROKERS: brokers, DATABASE_URL: testDatabaseUrl(), DB_SCHEMA: schema, KAFKA_TOPIC_PREFIX: topicPrefix, GROUP_ID: groupId, HANG_ON: hangOn },
    });
  }

  it('commits only finished messages, and a consumer restarted after a crash resumes after the last commit', async () => {
    const values = Array.from({ length: 10 }, (_, i) => `m${i + 1}`);
    const groupId = freshName('scoring');
    await publishInOrder(values);

    consumer = startConsumer(groupId, 'm6');
    await consumer.waitForOutput('hanging on m6');
    expect(await effects()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    // Offsets count from 0: m6 sits at offset 5 and its handler has not finished, so the group's
    // committed position is exactly 5 (the next message to read), not past it.
    expect(await committedOffset(groupId)).toBe(5);

    const crash = await consumer.stop('SIGKILL');
    expect(crash.signal).toBe('SIGKILL');

    consumer = startConsumer(groupId);
    await expectEventually(async () => expect(await effects()).toHaveLength(10), { timeoutMs: 60000 });
    expect(await effects()).toEqual(values);
    await expectEventually(async () => expect(await committedOffset(groupId)).toBe(10));

    const stopped = await consumer.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(await effects()).toEqual(values);
  });
});
