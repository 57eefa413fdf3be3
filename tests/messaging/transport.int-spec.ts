import { encodeEvent, Topics } from '@nps/contracts';
import { EventPublisher, kafkaConfig, physicalTopic } from '@nps/messaging';
import { aResponseReceived, expectEventually, freshSchema, freshTopicPrefix, type ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { startLedger } from '../fixtures/ledger/ledger.process';

// One service's producer sends, another service's consumer group receives: commits trail the
// handler, and a consumer restarted after a crash resumes exactly after the last commit.
describe('the Kafka transport against a real broker', () => {
  const db = new Client({ connectionString: testDatabaseUrl() });
  const brokers = testKafkaBrokers();
  const admin = new Kafka(kafkaConfig({ brokers, clientId: 'transport-test' })).admin();
  let ledger: ServiceProcess | undefined;

  beforeAll(() => Promise.all([db.connect(), admin.connect()]));
  afterEach(() => ledger?.stop('SIGKILL'));
  afterAll(() => Promise.all([db.end(), admin.disconnect()]));

  it('commits only finished messages, and a consumer restarted after a crash resumes after the last commit', async () => {
    const schema = await freshSchema('ledger');
    const topicPrefix = freshTopicPrefix();
    const comments = Array.from({ length: 10 }, (_, i) => `m${i + 1}`);
    const ledgerOptions = { brokers, schema, topicPrefix };

    ledger = (await startLedger({ ...ledgerOptions, hangOn: 'm6' })).process; // creates the topics
    const publisher = new EventPublisher({ brokers, clientId: 'response-ingestion', topicPrefix });
    await publisher.onModuleInit();
    // One customer: one partition, so the consumer sees them in this order.
    const events = comments.map((c) => encodeEvent(Topics.ResponseReceived, aResponseReceived().forCustomer('customer-1').withComment(c).build(), { source: 'test' }));
    await publisher.publish(Topics.ResponseReceived.name, events);
    await publisher.onApplicationShutdown();

    const effects = async () => (await db.query(`SELECT comment FROM "${schema}".effects ORDER BY seq`)).rows.map((row) => row.comment);
    const committed = async () => {
      const [topic] = await admin.fetchOffsets({ groupId: 'ledger', topics: [physicalTopic(Topics.ResponseReceived.name, topicPrefix)] });
      return Math.max(...topic.partitions.map((p) => Number(p.offset)));
    };

    await ledger.waitForOutput('hanging on m6');
    expect(await effects()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    // m6 sits at offset 5 and its handler has not finished: the committed position is exactly 5.
    expect(await committed()).toBe(5);

    expect((await ledger.stop('SIGKILL')).signal).toBe('SIGKILL');
    ledger = (await startLedger(ledgerOptions)).process;
    await expectEventually(async () => expect(await effects()).toHaveLength(10), { timeoutMs: 60000 });
    await expectEventually(async () => expect(await committed()).toBe(10));
    expect((await ledger.stop('SIGTERM')).code).toBe(0);
    expect(await effects()).toEqual(comments);
  });

});
