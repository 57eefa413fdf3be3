import { ALL_TOPICS, Topics } from '@nps/contracts';
import { freshTopicPrefix, testKafkaBrokers } from '@nps/testing';
import { ConfigResourceTypes, Kafka } from 'kafkajs';
import { kafkaConfig, physicalTopic } from './kafka.options';
import { ensureTopics } from './topic.provisioner';

describe('ensureTopics against a real broker', () => {
  const admin = new Kafka(kafkaConfig({ brokers: testKafkaBrokers(), clientId: 'provisioner-test' })).admin();

  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());

  it('creates every declared topic and its dead-letter topic once, with the declared settings', async () => {
    const prefix = freshTopicPrefix();
    const created = await ensureTopics(admin, ALL_TOPICS, prefix);
    expect(created).toHaveLength(ALL_TOPICS.length * 2);

    // Concurrent start-ups of several services: nothing left to create, nothing fails.
    const again = await Promise.all([ensureTopics(admin, ALL_TOPICS, prefix), ensureTopics(admin, ALL_TOPICS, prefix)]);
    expect(again).toEqual([[], []]);

    const customer = physicalTopic(Topics.CustomerUpserted.name, prefix);
    const response = physicalTopic(Topics.ResponseReceived.name, prefix);
    const metadata = await admin.fetchTopicMetadata({ topics: [response, `${response}.dlq`] });
    expect(metadata.topics.find((t) => t.name === response)?.partitions).toHaveLength(
      Topics.ResponseReceived.partitions,
    );

    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [customer, response].map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['cleanup.policy', 'retention.ms'],
      })),
    });
    const setting = (topic: string, name: string) =>
      configs.resources.find((r) => r.resourceName === topic)?.configEntries.find((e) => e.configName === name)
        ?.configValue;
    expect(setting(customer, 'cleanup.policy')).toBe('compact');
    expect(setting(response, 'cleanup.policy')).toBe('delete');
    expect(setting(response, 'retention.ms')).toBe(String(Topics.ResponseReceived.retentionMs));
  });
});
