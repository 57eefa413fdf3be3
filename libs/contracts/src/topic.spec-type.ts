/** Which field of an event is the Kafka key, so that events about one thing stay in order. */
export type KeyRule = 'customerId' | 'caseId';

/** Everything the platform declares about one topic; created from this at start-up. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly key: KeyRule;
  readonly cleanupPolicy: 'delete' | 'compact';
  /** Retention in ms for delete topics; -1 keeps forever. Ignored for compacted topics. */
  readonly retentionMs: number;
  readonly description: string;
}
