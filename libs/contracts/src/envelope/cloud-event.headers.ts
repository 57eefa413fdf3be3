/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the payload is the protobuf
 * message itself, the event attributes travel as `ce_`-prefixed headers.
 */
export const CloudEventHeader = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  specVersion: 'ce_specversion',
  dataSchema: 'ce_dataschema',
  contentType: 'content-type',
} as const;

export const CLOUD_EVENTS_SPEC_VERSION = '1.0';

/** The registered media type for protobuf binary; the decoder also accepts the older x- form. */
export const PROTOBUF_CONTENT_TYPE = 'application/protobuf';
export const ACCEPTED_CONTENT_TYPES: readonly string[] = [PROTOBUF_CONTENT_TYPE, 'application/x-protobuf'];

/** The CloudEvents context attributes of one event, as carried in its headers. */
export interface CloudEventAttributes {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly specversion: string;
  readonly time?: string;
  readonly datacontenttype?: string;
  readonly dataschema?: string;
}

/** Header values the way kafkajs hands them over (a repeated header arrives as an array). */
export type KafkaHeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type KafkaHeaders = Record<string, KafkaHeaderValue>;

/** A record ready for a producer: kafkajs' `Message` accepts it as it is. */
export interface EncodedEvent {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

/** The parts of a consumed record the decoder reads. */
export interface ConsumedRecord {
  readonly key?: Buffer | string | null;
  readonly value?: Buffer | Uint8Array | null;
  readonly headers?: KafkaHeaders;
}
