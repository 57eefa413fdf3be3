import { fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import type { EventTopic } from '../topic.spec-type';
import { otherHeaders, readAttributes } from './cloud-event.attributes';
import type { CloudEventAttributes, ConsumedRecord, KafkaHeaders } from './cloud-event.headers';
import { eventFields, keyFieldName } from './event.fields';
import { UndecodableEventError, UndecodableReason } from './undecodable-event.error';

export interface DecodedEvent<T> {
  readonly message: T;
  readonly key: string;
  readonly attributes: CloudEventAttributes;
  /** Headers that are not CloudEvents attributes (e.g. `traceparent`), as they came. */
  readonly otherHeaders: KafkaHeaders;
}

/** Decodes a consumed record of `topic`; throws UndecodableEventError for anything that is not an event of it. */
export function decodeEvent<Desc extends DescMessage>(
  topic: EventTopic<Desc>,
  record: ConsumedRecord,
): DecodedEvent<MessageShape<Desc>> {
  const fail = (reason: UndecodableReason, detail: string, cause?: unknown) =>
    new UndecodableEventError(topic.name, reason, detail, { cause });
  const headers = record.headers ?? {};
  const attributes = readAttributes(topic, headers);
  const key = record.key?.toString();
  if (!key) throw fail(UndecodableReason.MissingKey, 'the record has no key');
  if (record.value === null || record.value === undefined)
    throw fail(UndecodableReason.MissingValue, 'the record has no value');
  const message = parse(topic, record.value, fail);
  const { eventId, [topic.key]: payloadKey } = eventFields(message);
  if (!eventId) throw fail(UndecodableReason.MissingEventId, 'event_id is empty');
  if (eventId !== attributes.id)
    throw fail(UndecodableReason.IdMismatch, `ce_id "${attributes.id}" but event_id "${eventId}"`);
  if (payloadKey !== key)
    throw fail(
      UndecodableReason.KeyMismatch,
      `key "${key}" but ${keyFieldName(topic.schema, topic.key)} "${payloadKey ?? ''}"`,
    );
  return { message, key, attributes, otherHeaders: otherHeaders(headers) };
}

function parse<Desc extends DescMessage>(
  topic: EventTopic<Desc>,
  value: Uint8Array,
  fail: (reason: UndecodableReason, detail: string, cause?: unknown) => UndecodableEventError,
): MessageShape<Desc> {
  try {
    // Unknown fields are kept: a newer producer may add fields within v1.
    return fromBinary(topic.schema, value);
  } catch (error) {
    throw fail(
      UndecodableReason.InvalidProtobuf,
      `the value is not a ${topic.schema.typeName}: ${(error as Error).message}`,
      error,
    );
  }
}
