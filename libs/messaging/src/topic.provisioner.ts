import { deadLetterTopicOf, type TopicSpec } from '@nps/contracts';
import type { Admin, ITopicConfig } from 'kafkajs';
import { physicalTopic } from './kafka.options';

function topicConfig(spec: TopicSpec, prefix: string): ITopicConfig {
  const configEntries: { name: string; value: string }[] = [{ name: 'cleanup.policy', value: spec.cleanupPolicy }];
  if (spec.cleanupPolicy === 'delete') configEntries.push({ name: 'retention.ms', value: String(spec.retentionMs) });
  return { topic: physicalTopic(spec.name, prefix), numPartitions: spec.partitions, configEntries };
}

/**
 * Creates every declared topic and its dead-letter topic that does not exist yet. Safe to call
 * from every service at start-up, concurrently: existing topics are left as they are.
 */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[], prefix = ''): Promise<string[]> {
  const wanted = specs.flatMap((spec) => [spec, deadLetterTopicOf(spec)]).map((spec) => topicConfig(spec, prefix));
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic.topic));
  if (missing.length === 0) return [];
  try {
    await admin.createTopics({ topics: missing, waitForLeaders: true });
  } catch (error) {
    // Another service created some of them between listTopics and createTopics.
    if (!String((error as Error).message).includes('already exists')) throw error;
  }
  return missing.map((topic) => topic.topic);
}
