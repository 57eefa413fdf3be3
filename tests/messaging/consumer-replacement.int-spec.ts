import { Topics } from '@nps/contracts';
import {
  type EventProcessor,
  ensureTopics,
  InfrastructureOutages,
  KafkaTransport,
  kafkaConfig,
  physicalTopic,
} from '@nps/messaging';
import { anEventRecord, expectEventually, freshTopicPrefix, RecordProducer } from '@nps/testing';
import { Kafka, type KafkaMessage } from 'kafkajs';

// kafkajs restarts a crashed consumer only after a retriable error; after a TypeError it stops for
// good, and the service would go on answering "ready" while consuming nothing (the chaos run's
// stall). The transport must replace such a consumer and go on from the last committed offset.
describe('a consumer that kafkajs will not restart', () => {
  const brokers = process.env.KAFKA_BROKERS as string;
  const topicPrefix = freshTopicPrefix('replace');
  const admin = new Kafka(kafkaConfig({ brokers, clientId: 'replacement-test' })).admin();
  const producer = new RecordProducer(brokers, topicPrefix);
  let transport: KafkaTransport | undefined;

  beforeAll(async () => {
    await admin.connect();
    await ensureTopics(admin, [Topics.ResponseReceived], topicPrefix);
  });

  afterAll(async () => {
    await transport?.close();
    await producer.close();
    await admin.deleteTopics({ topics: [physicalTopic(Topics.ResponseReceived.name, topicPrefix)] });
    await admin.disconnect();
  });

  it('is replaced by a new one, which processes the record the crash left and commits it', async () => {
    const processed: string[] = [];
    let crashes = 0;
    // The processing step of a service with a bug that strikes once: what escapes it escapes the transport.
    const processor = {
      process: async ({ message }: { message: KafkaMessage }) => {
        if (crashes++ === 0) throw new TypeError('a bug in the processing step');
        processed.push(message.offset);
      },
      stop: () => undefined,
    } as unknown as EventProcessor;
    const groupId = `${topicPrefix}replacement`;
    transport = new KafkaTransport(
      { brokers, clientId: 'replacement-test', topicPrefix, groupId },
      processor,
      new InfrastructureOutages(),
    );
    transport.addHandler(Topics.ResponseReceived.name, async () => undefined, true);
    await new Promise<void>((resolve, reject) =>
      transport?.listen((error) => (error ? reject(error as Error) : resolve())),
    );

    await producer.send([anEventRecord(Topics.ResponseReceived)]);

    await expectEventually(() => expect(processed).toEqual(['0']), { timeoutMs: 60000 });
    expect(crashes).toBe(2);
    await expectEventually(async () => {
      const [topic] = await admin.fetchOffsets({
        groupId,
        topics: [physicalTopic(Topics.ResponseReceived.name, topicPrefix)],
      });
      expect(topic.partitions.map((partition) => partition.offset)).toContain('1');
    });
  }, 90000);
});
