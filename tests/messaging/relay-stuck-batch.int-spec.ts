import { Logger } from '@nestjs/common';
import { Topics } from '@nps/contracts';
import { EventPublisher, kafkaConfig, OutboxRelay, physicalTopic } from '@nps/messaging';
import { expectEventually, testKafkaBrokers } from '@nps/testing';
import { type Admin, Kafka } from 'kafkajs';
import { type OutboxBed, outboxBed, publishEvents, recordsOn } from './outbox.bed';

// A produce request that never settles (kafkajs has had such hangs around connection loss) would
// stop the relay without a word. It must notice, log the step it hung in, and publish with a new producer.
describe('the outbox relay, when a batch never settles', () => {
  const brokers = testKafkaBrokers();
  let bed: OutboxBed;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  let admin: Admin;
  let replaced = 0;
  const errors: string[] = [];

  beforeAll(async () => {
    bed = await outboxBed('stuck', { relayLingerMs: 0, relayBatchTimeoutMs: 2000 });
    const { topicPrefix } = bed.settings;
    admin = new Kafka(kafkaConfig({ brokers, clientId: 'stuck-test' })).admin();
    await admin.connect();
    publisher = new EventPublisher({ brokers, clientId: 'stuck', topicPrefix });
    await publisher.onModuleInit();
    const publishInOrder = publisher.publishInOrder.bind(publisher);
    let sends = 0;
    publisher.publishInOrder = (records) => (++sends === 1 ? new Promise(() => undefined) : publishInOrder(records));
    const replaceProducer = publisher.replaceProducer.bind(publisher);
    publisher.replaceProducer = () => {
      replaced++;
      replaceProducer();
    };
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: { msg: string }) => {
      errors.push(message.msg);
    });
    relay = new OutboxRelay(bed.dataSource, publisher, bed.settings);
    relay.onApplicationBootstrap();
  });

  afterAll(async () => {
    await relay?.beforeApplicationShutdown();
    await publisher?.onApplicationShutdown();
    await admin?.deleteTopics({ topics: [physicalTopic(Topics.ResponseReceived.name, bed.settings.topicPrefix)] });
    await admin?.disconnect();
    await bed?.dataSource.destroy();
    jest.restoreAllMocks();
  });

  it('logs where it hung, replaces its producer and publishes the rows, and the ones after them', async () => {
    await publishEvents(bed, 'c-stuck');
    await expectEventually(async () => expect(await recordsOn(admin, bed)).toBe(1), { timeoutMs: 20000 });
    expect(errors).toEqual([
      'an outbox relay batch was stuck publishing to Kafka for 2000 ms: starting over with a new Kafka producer',
    ]);
    expect(replaced).toBe(1);

    await publishEvents(bed, 'c-after');
    await expectEventually(async () => expect(await recordsOn(admin, bed)).toBe(2), { timeoutMs: 20000 });
    // The relay deletes the rows once the broker has acknowledged them, a moment after they are on the topic.
    await expectEventually(async () => expect(await relay.depth()).toBe(0));
  });
});
