import { deadLetterTopicOf, type TopicSpec } from '@nps/contracts';
import type { Admin, ITopicConfig } from 'kafkajs';
import { physicalTopic } from './kafka.options';

/** How many brokers hold each created topic, and how many must acknowledge an acks=all write. */
export interface TopicPlacement {
  replicationFactor: number;
  minInsyncReplicas: number;
}

/** One broker, as on a developer machine (KAFKA_TOPIC_REPLICATION_FACTOR and …MIN_INSYNC_REPLICAS default to 1). */
export const SINGLE_BROKER: TopicPlacement = { replicationFactor: 1, minInsyncReplicas: 1 };

/** The kafkajs creation request of one topic. */
export function topicConfig(spec: TopicSpec, prefix: string, placement: TopicPlacement = SINGLE_BROKER): ITopicConfig {
  const configEntries: { name: string; value: string }[] = [
    { name: 'cleanup.policy', value: spec.cleanupPolicy },
    { name: 'min.insync.replicas', value: String(placement.minInsyncReplicas) },
  ];
  if (spec.cleanupPolicy === 'delete') configEntries.push({ name: 'retention.ms', value: String(spec.retentionMs) });
  return {
    topic: physicalTopic(spec.name, prefix),
    numPartitions: spec.partitions,
    replicationFactor: placement.replicationFactor,
    configEntries,
  };
}

/**
 * Creates every declared topic and its dead-letter topic that does not exist yet. Safe to call
 * from every service at start-up, concurrently: existing topics are left as they are (their
 * replication included: changing it is an operator's reassignment, docs/messaging.md).
 */
export async function ensureTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  prefix = '',
  placement: TopicPlacement = SINGLE_BROKER,
): Promise<string[]> {
  const wanted = specs
    .flatMap((spec) => [spec, deadLetterTopicOf(spec)])
    .map((spec) => topicConfig(spec, prefix, placement));
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic.topic));
  if (missing.length === 0) return [];
  try {
    await admin.createTopics({ topics: missing, waitForLeaders: false });
  } catch (error) {
    // Another service created some of them between listTopics and createTopics.
    if (!String((error as Error).message).includes('already exists')) throw error;
  }
  await waitUntilServed(
    admin,
    missing.map((topic) => topic.topic),
  );
  return missing.map((topic) => topic.topic);
}

/**
 * A KRaft broker answers "does not host this topic-partition" for a few seconds after a
 * create, and kafkajs' waitForLeaders does not retry that: poll the metadata ourselves.
 */
async function waitUntilServed(admin: Admin, topics: string[], timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      if (found.length === topics.length && found.every((t) => t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`topics not served within ${timeoutMs} ms: ${topics.slice(0, 3).join(', ')}…`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
