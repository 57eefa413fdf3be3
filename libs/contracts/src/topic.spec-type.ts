import type { DescMessage } from '@bufbuild/protobuf';

/** Which field of an event is the Kafka key, so that events about one thing stay in order. */
export type KeyRule = 'customerId' | 'caseId' | 'taxonomyId' | 'improvementActionId' | 'accountId';

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

/** A topic of events: one protobuf message type, described to subscribers as a CloudEvent. */
export interface EventTopic<Desc extends DescMessage = DescMessage> extends TopicSpec {
  /** The generated protobuf-es schema of the only message type the topic carries. */
  readonly schema: Desc;
  /** CloudEvents `type` (header `ce_type`): the topic name, so a type names its version too. */
  readonly eventType: string;
  /** CloudEvents `dataschema` (header `ce_dataschema`): `urn:nps:proto:<full message name>`. */
  readonly dataSchema: string;
}
