import type { EventTopic } from '../topic.spec-type';
import {
  ACCEPTED_CONTENT_TYPES,
  CLOUD_EVENTS_SPEC_VERSION,
  CloudEventHeader,
  type CloudEventAttributes,
  type KafkaHeaders,
  type KafkaHeaderValue,
} from './cloud-event.headers';
import { UndecodableEventError, UndecodableReason } from './undecodable-event.error';

const ATTRIBUTE_HEADERS = new Set<string>(Object.values(CloudEventHeader));

/**
 * Reads and checks the CloudEvents attributes of a record of `topic`; the required ones per CloudEvents 1.0 must be
 * there.
 */
export function readAttributes(topic: EventTopic, headers: KafkaHeaders): CloudEventAttributes {
  const text = (name: string) => headerText(topic, headers, name);
  const required = (name: string) => {
    const value = text(name);
    if (!value)
      throw new UndecodableEventError(topic.name, UndecodableReason.MissingHeader, `header ${name} is missing`);
    return value;
  };
  const specversion = required(CloudEventHeader.specVersion);
  if (specversion !== CLOUD_EVENTS_SPEC_VERSION) {
    throw new UndecodableEventError(
      topic.name,
      UndecodableReason.UnsupportedSpecVersion,
      `ce_specversion "${specversion}", expected "${CLOUD_EVENTS_SPEC_VERSION}"`,
    );
  }
  const type = required(CloudEventHeader.type);
  if (type !== topic.eventType) {
    throw new UndecodableEventError(
      topic.name,
      UndecodableReason.TypeMismatch,
      `ce_type "${type}", expected "${topic.eventType}"`,
    );
  }
  const datacontenttype = text(CloudEventHeader.contentType);
  // Binary mode without a content type is allowed: the topic declares the type of its payload.
  if (datacontenttype !== undefined && !ACCEPTED_CONTENT_TYPES.includes(datacontenttype)) {
    throw new UndecodableEventError(
      topic.name,
      UndecodableReason.UnsupportedContentType,
      `content-type "${datacontenttype}", expected "${ACCEPTED_CONTENT_TYPES.join('" or "')}"`,
    );
  }
  return {
    id: required(CloudEventHeader.id),
    type,
    source: required(CloudEventHeader.source),
    specversion,
    time: text(CloudEventHeader.time),
    datacontenttype,
    dataschema: text(CloudEventHeader.dataSchema),
  };
}

/**
 * Every header that is not a CloudEvents attribute read above (`traceparent`, retry and dead-letter headers...),
 * untouched.
 */
export function otherHeaders(headers: KafkaHeaders): KafkaHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !ATTRIBUTE_HEADERS.has(name)));
}

function headerText(topic: EventTopic, headers: KafkaHeaders, name: string): string | undefined {
  const value: KafkaHeaderValue = headers[name];
  if (Array.isArray(value)) {
    if (value.length > 1)
      throw new UndecodableEventError(
        topic.name,
        UndecodableReason.RepeatedHeader,
        `header ${name} appears ${value.length} times`,
      );
    return value.length === 1 ? value[0].toString() : undefined;
  }
  return value?.toString();
}
