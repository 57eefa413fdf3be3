import { create, toBinary, toJson, type DescMessage, type MessageInitShape } from '@bufbuild/protobuf';
import { TimestampSchema, type Timestamp } from '@bufbuild/protobuf/wkt';
import type { EventTopic } from '../topic.spec-type';
import {
  CLOUD_EVENTS_SPEC_VERSION,
  CloudEventHeader,
  PROTOBUF_CONTENT_TYPE,
  type EncodedEvent,
} from './cloud-event.headers';
import { eventFields, keyFieldName } from './event.fields';
import { ContractViolationError, ContractViolationReason } from './contract-violation.error';

export interface EncodeOptions {
  /** CloudEvents `source`: who publishes, e.g. `urn:nps:service:scoring`. */
  readonly source: string;
}

/**
 * Encodes an event of `topic` as a Kafka record: protobuf value, CloudEvents binary-mode headers, key by the topic's
 * rule.
 */
export function encodeEvent<Desc extends DescMessage>(
  topic: EventTopic<Desc>,
  message: MessageInitShape<Desc>,
  options: EncodeOptions,
): EncodedEvent {
  const refuse = (reason: ContractViolationReason, detail: string) =>
    new ContractViolationError(topic.name, reason, detail);
  const typeName = (message as { $typeName?: unknown }).$typeName;
  // create() would quietly copy same-named fields out of another message type.
  if (typeName !== undefined && typeName !== topic.schema.typeName) {
    throw refuse(
      ContractViolationReason.WrongMessageType,
      `${topic.name} carries ${topic.schema.typeName}, not ${String(typeName)}`,
    );
  }
  const event = create(topic.schema, message);
  const { eventId, occurredAt, [topic.key]: key } = eventFields(event);
  if (!eventId) throw refuse(ContractViolationReason.MissingEventId, 'event_id is empty');
  if (!key)
    throw refuse(ContractViolationReason.MissingKey, `the key field ${keyFieldName(topic.schema, topic.key)} is empty`);
  if (!occurredAt) throw refuse(ContractViolationReason.MissingOccurredAt, 'occurred_at is not set');
  if (!options.source) throw refuse(ContractViolationReason.MissingSource, 'the CloudEvents source is empty');
  const bytes = toBinary(topic.schema, event);
  return {
    key,
    value: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    headers: {
      [CloudEventHeader.id]: eventId,
      [CloudEventHeader.type]: topic.eventType,
      [CloudEventHeader.source]: options.source,
      [CloudEventHeader.time]: rfc3339(occurredAt, (detail) =>
        refuse(ContractViolationReason.InvalidOccurredAt, detail),
      ),
      [CloudEventHeader.specVersion]: CLOUD_EVENTS_SPEC_VERSION,
      [CloudEventHeader.contentType]: PROTOBUF_CONTENT_TYPE,
      [CloudEventHeader.dataSchema]: topic.dataSchema,
    },
  };
}

/** The protobuf JSON form of a Timestamp is RFC 3339 in UTC, keeping nanoseconds that Date would drop. */
function rfc3339(timestamp: Timestamp, refuse: (detail: string) => ContractViolationError): string {
  try {
    return toJson(TimestampSchema, timestamp) as string;
  } catch (error) {
    throw refuse(`occurred_at is not a valid timestamp: ${(error as Error).message}`);
  }
}
