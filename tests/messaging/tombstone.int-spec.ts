import { Topics } from '@nps/contracts';
import { DeadLetterReplayer, EventTransactions, MessagingSettings, physicalTopic } from '@nps/messaging';
import { dataSourceOptions } from '@nps/persistence';
import { anEvent, expectEventually, readTopics, serviceBed } from '@nps/testing';
import { DataSource } from 'typeorm';
import { LEDGER, ledgerComments } from '../fixtures/ledger/ledger.definition';

// A tombstone goes through the outbox like an event (same transaction, same order per key) and
// reaches the compacted topic as a key without a value; the consumer acknowledges it without
// handler and without dead-lettering it, and the records behind it are applied.
describe('tombstones', () => {
  const bed = serviceBed({ service: LEDGER, autoStart: false });
  let dataSource: DataSource;
  let transactions: EventTransactions;

  beforeAll(async () => {
    await bed.start(); // migrates the ledger's schema (outbox with a nullable payload) and creates the topics
    dataSource = new DataSource(
      dataSourceOptions({ url: bed.databaseUrl, schema: bed.schema, entities: [], migrations: [] }),
    );
    await dataSource.initialize();
    const settings = Object.assign(new MessagingSettings(), {
      service: 'ledger',
      schema: bed.schema,
      topicPrefix: bed.topicPrefix,
    });
    transactions = new EventTransactions(dataSource, settings);
  });

  afterAll(() => dataSource?.destroy());

  it('are relayed from the outbox in order and skipped by the consumer', async () => {
    const upserted = (name: string) => anEvent(Topics.CustomerUpserted, { customerId: 'c-9', name });
    await transactions.run(async (unitOfWork) => {
      unitOfWork.publish(Topics.CustomerUpserted, upserted('Anna'));
      unitOfWork.tombstone(Topics.CustomerUpserted, 'c-9');
    });
    await transactions.run(async (unitOfWork) => unitOfWork.publish(Topics.CustomerUpserted, upserted('Bert')));

    // The ledger's own relay publishes its outbox; its consumer applies both events.
    await expectEventually(async () => expect(await ledgerComments(bed)).toEqual(['customer:Anna', 'customer:Bert']), {
      timeoutMs: 90000, // the first join of the consumer group can take a while
    });
    await bed.outboxDrained();
    const topic = physicalTopic(Topics.CustomerUpserted.name, bed.topicPrefix);
    const records = (await readTopics(bed.kafkaBrokers, bed.topicPrefix)).filter((r) => r.topic === topic);
    expect(records.map((r) => [r.key?.toString(), r.value === null])).toEqual([
      ['c-9', false],
      ['c-9', true],
      ['c-9', false],
    ]);
    expect(records[1].headers).toEqual({});

    const replayer = new DeadLetterReplayer({
      brokers: bed.kafkaBrokers,
      clientId: 'tombstone-test',
      topicPrefix: bed.topicPrefix,
    });
    expect(await replayer.list(Topics.CustomerUpserted.name)).toEqual([]);
    const [outcome] = await bed.rows<{ n: number }>(`SELECT count(*)::int AS n FROM inbox WHERE topic = $1`, [
      Topics.CustomerUpserted.name,
    ]);
    expect(outcome.n).toBe(2); // the tombstone took no inbox row: no handler saw it
  });

  it('are refused on a topic that is not compacted', async () => {
    await expect(
      transactions.run(async (unitOfWork) => unitOfWork.tombstone(Topics.ResponseReceived, 'c-9')),
    ).rejects.toThrow('nps.response.received.v1 is not compacted');
  });
});
