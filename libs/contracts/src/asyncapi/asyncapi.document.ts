import type { DescMessage, Registry } from '@bufbuild/protobuf';
import { stringify } from 'yaml';
import { ALL_TOPICS } from '../topics';
import type { EventTopic } from '../topic.spec-type';
import { CLOUD_EVENTS_SPEC_VERSION, CloudEventHeader, PROTOBUF_CONTENT_TYPE } from '../envelope/cloud-event.headers';
import { keyFieldName } from '../envelope/event.fields';
import { isEncrypted, renderStandaloneProto } from './proto-source.renderer';

// docs/asyncapi.yaml is this document: `npm run contracts:asyncapi` writes it, asyncapi.document.spec.ts
// fails when it is stale. It is tooling, not exported from @nps/contracts.

export const PROTOBUF_SCHEMA_FORMAT = 'application/vnd.google.protobuf;version=3';
const KAFKA_BINDING_VERSION = '0.5.0';

const HEADER = `# NPS platform events for outside subscribers. GENERATED from libs/contracts (Topics) and
# proto/ by \`npm run contracts:asyncapi\`: do not edit by hand.
#
# Payloads are protobuf binary (CloudEvents Kafka binding, binary mode), so each payload is given
# as its protobuf definition (schemaFormat ${PROTOBUF_SCHEMA_FORMAT}),
# not as a JSON Schema mirror: the .proto text is what a subscriber decodes the bytes with, field
# numbers and all, and it cannot drift from the wire format. Each one is self-contained (the
# message plus the enums and messages it uses, importing only google/protobuf) because AsyncAPI
# protobuf payloads cannot follow imports; proto/nps/v1/*.proto holds the same definitions.
`;

/** docs/asyncapi.yaml as text, built from the topic declarations and the commented proto sources in `registry`. */
export function renderAsyncApiYaml(registry: Registry, topics: readonly EventTopic[] = ALL_TOPICS): string {
  return HEADER + stringify(buildAsyncApiDocument(registry, topics), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** The AsyncAPI 3.0 document: one channel, message and receive operation per topic. */
export function buildAsyncApiDocument(
  registry: Registry,
  topics: readonly EventTopic[] = ALL_TOPICS,
): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of topics) {
    const id = topic.schema.name;
    channels[id] = channelOf(topic);
    messages[id] = messageOf(topic, registry);
    operations[`receive${id}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      summary: `Subscribe to ${topic.name}.`,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'NPS platform events',
      version: '1.0.0',
      description: [
        'Events of the closed-loop NPS platform on Kafka, one protobuf message type per topic (package nps.v1).',
        `Each record is a CloudEvent in binary mode: the value is the protobuf message, content-type ` +
          `${PROTOBUF_CONTENT_TYPE}; the attributes are ce_* headers.`,
        'ce_type is the topic name; ce_dataschema is urn:nps:proto:<full message name>, the type to decode the value ' +
          'with.',
        'Records about one customer (or one case) share a key and stay in order. See docs/contracts.md.',
      ].join('\n'),
    },
    defaultContentType: PROTOBUF_CONTENT_TYPE,
    servers: {
      kafka: {
        host: '{bootstrap}',
        protocol: 'kafka',
        description: 'The Kafka cluster of an environment.',
        variables: {
          bootstrap: { default: 'localhost:9092', description: 'Bootstrap broker host:port of the environment.' },
        },
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

function channelOf(topic: EventTopic): Record<string, unknown> {
  const retention =
    topic.cleanupPolicy === 'compact'
      ? 'compacted: the newest event per key is kept'
      : `kept ${topic.retentionMs / 86_400_000} days`;
  return {
    address: topic.name,
    title: topic.schema.name,
    description: `${topic.description} Key: ${keyFieldName(topic.schema, topic.key)}; ${retention}.`,
    messages: { [topic.schema.name]: { $ref: `#/components/messages/${topic.schema.name}` } },
    bindings: {
      kafka: {
        topic: topic.name,
        partitions: topic.partitions,
        topicConfiguration: {
          'cleanup.policy': [topic.cleanupPolicy],
          'retention.ms': topic.cleanupPolicy === 'compact' ? -1 : topic.retentionMs,
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function messageOf(topic: EventTopic, registry: Registry): Record<string, unknown> {
  const documented = registry.getMessage(topic.schema.typeName);
  if (!documented) throw new Error(`${topic.schema.typeName} (topic ${topic.name}) is not in proto/`);
  const key = keyFieldName(topic.schema, topic.key);
  return {
    name: topic.schema.name,
    title: topic.schema.typeName,
    summary: topic.description,
    contentType: PROTOBUF_CONTENT_TYPE,
    headers: headersOf(topic),
    payload: { schemaFormat: PROTOBUF_SCHEMA_FORMAT, schema: renderStandaloneProto(documented) },
    bindings: {
      kafka: {
        key: { type: 'string', description: `The ${key} of the payload (UTF-8).` },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    'x-protobuf-message': topic.schema.typeName,
    ...encryptedFieldsOf(documented),
  };
}

/**
 * `x-nps-encrypted-fields`: paths of the fields that hold a customer's personal text encrypted per
 * customer (nested ones as `field.subfield`), so a subscriber knows what needs a key and what an
 * erasure makes unreadable. Absent when there are none.
 */
function encryptedFieldsOf(message: DescMessage): Record<string, string[]> {
  const paths = encryptedPaths(message, '', new Set());
  return paths.length > 0 ? { 'x-nps-encrypted-fields': paths } : {};
}

/** `within`: the messages on the way here, so a recursive type ends the walk. */
function encryptedPaths(message: DescMessage, prefix: string, within: ReadonlySet<DescMessage>): string[] {
  if (within.has(message)) return [];
  const path = new Set([...within, message]);
  return message.fields.flatMap((field) => {
    const name = `${prefix}${field.name}`;
    if (isEncrypted(field)) return [name];
    const nested =
      field.fieldKind === 'message'
        ? field.message
        : field.fieldKind === 'list' && field.listKind === 'message'
          ? field.message
          : undefined;
    return nested ? encryptedPaths(nested, `${name}.`, path) : [];
  });
}

function headersOf(topic: EventTopic): Record<string, unknown> {
  const text = (description: string, more: Record<string, unknown> = {}) => ({ type: 'string', description, ...more });
  return {
    type: 'object',
    required: Object.values(CloudEventHeader),
    properties: {
      [CloudEventHeader.id]: text(
        'The event_id of the payload (a UUID); the same on a redelivery, so it deduplicates.',
        { format: 'uuid' },
      ),
      [CloudEventHeader.type]: text('The topic name.', { const: topic.eventType }),
      [CloudEventHeader.source]: text('Who published the event, e.g. urn:nps:service:scoring.', {
        format: 'uri-reference',
      }),
      [CloudEventHeader.time]: text('occurred_at of the payload, RFC 3339 in UTC.', { format: 'date-time' }),
      [CloudEventHeader.specVersion]: text('CloudEvents version.', { const: CLOUD_EVENTS_SPEC_VERSION }),
      [CloudEventHeader.contentType]: text('Protobuf binary.', { const: PROTOBUF_CONTENT_TYPE }),
      [CloudEventHeader.dataSchema]: text('The protobuf message of the value, after urn:nps:proto:.', {
        const: topic.dataSchema,
        format: 'uri',
      }),
      traceparent: text('W3C trace context of the publishing trace, when there is one.'),
    },
  };
}
