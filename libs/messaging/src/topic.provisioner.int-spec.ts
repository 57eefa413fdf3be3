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
        configNames: ['cleanup.policy', 'retention.ms', 'min.insync.replicas'],
      })),
    });
    const setting = (topic: string, name: string) =>
      configs.resources.find((r) => r.resourceName === topic)?.configEntries.find((e) => e.configName === name)
        ?.configValue;
    expect(setting(customer, 'cleanup.policy')).toBe('compact');
    expect(setting(response, 'cleanup.policy')).toBe('delete');
    expect(setting(response, 'retention.ms')).toBe(String(Topics.ResponseReceived.retentionMs));
    // KAFKA_TOPIC_REPLICATION_FACTOR and KAFKA_TOPIC_MIN_INSYNC_REPLICAS default to one broker.
    expect(setting(response, 'min.insync.replicas')).toBe('1');
    expect(metadata.topics.every((t) => t.partitions.every((p) => p.replicas.length === 1))).toBe(true);
  });

  it('creates topics with the given replication factor and min.insync.replicas', async () => {
    const prefix = freshTopicPrefix();
    const spec = [Topics.CaseOpened];
    await ensureTopics(admin, spec, prefix, { replicationFactor: 1, minInsyncReplicas: 2 });

    const topic = physicalTopic(Topics.CaseOpened.name, prefix);
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(topics[0].partitions.every((p) => p.replicas.length === 1)).toBe(true);
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
    });
    expect(configs.resources[0].configEntries[0]).toMatchObject({
      configName: 'min.insync.replicas',
      configValue: '2',
    });
  });

  it('asks the broker for the replication factor: more replicas than brokers is refused', async () => {
    const brokers = (await admin.describeCluster()).brokers.length;
    const placement = { replicationFactor: brokers + 1, minInsyncReplicas: 1 };
    await expect(ensureTopics(admin, [Topics.CaseOpened], freshTopicPrefix(), placement)).rejects.toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ type: 'INVALID_REPLICATION_FACTOR' })]),
    });
  });
});
