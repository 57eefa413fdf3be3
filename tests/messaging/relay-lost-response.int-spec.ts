import { Topics } from '@nps/contracts';
import { EventPublisher, InfrastructureOutages, kafkaConfig, OutboxRelay, physicalTopic } from '@nps/messaging';
import { expectEventually, LostProduceResponse, testKafkaBrokers } from '@nps/testing';
import { type Admin, Kafka } from 'kafkajs';
import { type OutboxBed, outboxBed, publishEvents, recordsOn } from './outbox.bed';

// What stopped response-ingestion's relay in two chaos runs of CI, 1,254 and 1,327 rows left: a
// broker restart took a batch, the response never came, and the send failed. kafkajs then took
// the batch's sequence numbers back, and the next, larger batch from the same numbers met
// OUT_OF_ORDER_SEQUENCE_NUMBER, on every retry, for as long as the producer lived.
describe('the outbox relay, when the broker took a batch but its response was lost', () => {
  const brokers = testKafkaBrokers();
  const faults = new LostProduceResponse();
  const outages = new InfrastructureOutages();
  let bed: OutboxBed;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  let admin: Admin;

  beforeAll(async () => {
    bed = await outboxBed('lost-response', { relayLingerMs: 0 });
    const { topicPrefix } = bed.settings;
    admin = new Kafka(kafkaConfig({ brokers, clientId: 'lost-response-test' })).admin();
    await admin.connect();
    const socketFactory = faults.socketFactory;
    publisher = new EventPublisher({ brokers, clientId: 'lost-response', topicPrefix, socketFactory });
    await publisher.onModuleInit();
    relay = new OutboxRelay(bed.dataSource, publisher, bed.settings, outages);
    relay.onApplicationBootstrap();
  });

  afterAll(async () => {
    faults.restore();
    await relay?.beforeApplicationShutdown();
    await publisher?.onApplicationShutdown();
    await admin?.deleteTopics({ topics: [physicalTopic(Topics.ResponseReceived.name, bed.settings.topicPrefix)] });
    await admin?.disconnect();
    await bed?.dataSource.destroy();
  });

  it('sends the rows again on a new producer once the broker is back, and the rows written meanwhile', async () => {
    // One customer: one key, one partition, one run of sequence numbers.
    await publishEvents(bed, 'c-lost');
    await expectEventually(async () => expect(await recordsOn(admin, bed)).toBe(1), { timeoutMs: 20000 });

    faults.loseNextResponse();
    await publishEvents(bed, 'c-lost', 3);
    await expectEventually(async () => expect(outages.snapshot()['outbox relay']?.dependency).toBe('kafka'), {
      timeoutMs: 20000,
    });
    expect(faults.unreachable).toBe(true);
    expect(await recordsOn(admin, bed)).toBe(4); // the broker kept the batch whose response was lost
    await publishEvents(bed, 'c-lost', 2);
    faults.restore();

    await expectEventually(async () => expect(await relay.depth()).toBe(0), { timeoutMs: 30000 });
    // The lost batch went out twice (the inbox drops the copies by event id), then the two after it.
    expect(await recordsOn(admin, bed)).toBe(1 + 3 + 3 + 2);
  });
});
