import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { decodeEvent, encodeEvent, type EventTopic, type ResponseTagged, Topics } from '@nps/contracts';
import { EventPublisher, kafkaConfig, physicalTopic } from '@nps/messaging';
import { freePort, freshName, freshSchema, freshTopicPrefix, ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import { type Consumer, Kafka, logLevel } from 'kafkajs';

export interface TaggingBed {
  url: string;
  /** Every `response tagged` the service published so far, in arrival order. */
  tagged: ResponseTagged[];
  publish<Desc extends DescMessage>(topic: EventTopic<Desc>, message: MessageInitShape<Desc>): Promise<void>;
}

/**
 * Starts root-cause-tagging as its own process on the test broker (fresh schema and topic
 * prefix), a producer for its input topics and a consumer of `response tagged`; stops them after.
 */
export function taggingBed(): TaggingBed {
  const brokers = testKafkaBrokers();
  let service: ServiceProcess | undefined;
  let publisher: EventPublisher | undefined;
  let consumer: Consumer | undefined;
  const bed: TaggingBed & { topicPrefix: string } = {
    url: '',
    tagged: [],
    topicPrefix: '',
    publish: async (topic, message) => {
      if (!publisher) throw new Error('the bed is not started');
      await publisher.publish(topic.name, [encodeEvent(topic, message, { source: 'urn:nps:test' })]);
    },
  };

  beforeAll(async () => {
    const port = await freePort();
    bed.topicPrefix = freshTopicPrefix();
    bed.url = `http://127.0.0.1:${port}`;
    service = ServiceProcess.start({
      entry: 'services/root-cause-tagging/src/main.ts',
      env: {
        PORT: String(port),
        KAFKA_BROKERS: brokers,
        DATABASE_URL: testDatabaseUrl(),
        DB_SCHEMA: await freshSchema('root_cause_tagging'),
        KAFKA_TOPIC_PREFIX: bed.topicPrefix,
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        TAGGING_REFRESH_INTERVAL_MS: '1000',
      },
    });
    await service.waitForHttp(`${bed.url}/health/ready`, 200, 90000);
    publisher = new EventPublisher({ brokers, clientId: 'tagging-test', topicPrefix: bed.topicPrefix });
    await publisher.onModuleInit();
    // Quiet: fresh topics make kafkajs log leader elections as errors.
    consumer = new Kafka({ ...kafkaConfig({ brokers, clientId: 'tagging-test' }), logLevel: logLevel.NOTHING }).consumer({ groupId: freshName('tagging_test') });
    await consumer.connect();
    await consumer.subscribe({ topic: physicalTopic(Topics.ResponseTagged.name, bed.topicPrefix), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        bed.tagged.push(decodeEvent(Topics.ResponseTagged, message).message);
      },
    });
  }, 150000);

  afterAll(async () => {
    await consumer?.disconnect();
    await publisher?.onApplicationShutdown();
    await service?.stop('SIGKILL');
  });

  return bed;
}
