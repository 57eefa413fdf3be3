import type { TopicPlacement } from './topic.provisioner';

/** How a service's messaging behaves; built once from its environment by MessagingModule. */
export class MessagingSettings {
  /** Service name: Kafka client id, consumer group, CloudEvents source. */
  service: string;
  /** The service's Postgres schema, holding its outbox and inbox. */
  schema: string;
  topicPrefix: string;
  relayEnabled: boolean;
  relayBatchSize: number;
  /** Whether the relay LISTENs for committed outbox inserts instead of polling every 50 ms. */
  relayListens: boolean;
  /** While listening: the longest idle wait without a notification (a safety net only). */
  relayIdleMs: number;
  /** While listening: how long the relay lingers after a wake-up to gather the commits behind it. */
  relayLingerMs: number;
  /** The longest one relay batch may take before the relay counts it as stuck and starts over. */
  relayBatchTimeoutMs: number;
  /** Attempts per message before it goes to the dead-letter topic. */
  maxAttempts: number;
  retryBackoffMs: number;
  /** Partitions of one consumer processed at the same time; in batch mode a topic's are applied together. */
  partitionsConcurrently: number;
  /** Records of one partition applied in one transaction; 1 = one transaction per record. */
  batchSize: number;
  /** How long a fetch may wait on the broker for a fuller batch (batch mode only). */
  batchWaitMs: number;
  /**
   * The most bytes one fetch brings, and of one partition (Kafka's fetch.max.bytes, max.partition.fetch.bytes); a
   * record larger than the partition's still comes, alone.
   */
  fetchMaxBytes: number;
  partitionFetchMaxBytes: number;
  /** How long the group waits for a silent member before giving its partitions away. */
  sessionTimeoutMs: number;
  /** How often consumer lag is measured. */
  lagIntervalMs: number;
  /** Replication of the topics this service creates (KAFKA_TOPIC_REPLICATION_FACTOR, …MIN_INSYNC_REPLICAS). */
  topicPlacement: TopicPlacement;

  /**
   * Consumer group: the service name inside its topic namespace. Two environments sharing a
   * cluster under different prefixes must not share a group, or each would be handed the
   * other's partitions and drop them.
   */
  get groupId(): string {
    return groupIdOf(this.service, this.topicPrefix);
  }

  /** CloudEvents `source` of the events this service publishes. */
  get source(): string {
    return `urn:nps:service:${this.service}`;
  }
}

/** The consumer group of `service` under KAFKA_TOPIC_PREFIX `prefix`. */
export function groupIdOf(service: string, prefix = ''): string {
  return `${prefix}${service}`;
}
