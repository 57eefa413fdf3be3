import { randomUUID } from 'node:crypto';
import { create, type DescMessage, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import { timestampFromDate, TimestampSchema } from '@bufbuild/protobuf/wkt';
import { encodeEvent, type EventTopic, type TopicKey, Topics } from '@nps/contracts';
import type { EventRecord } from '../kafka/record.producer';
import { EVENT_DEFAULTS } from './event.defaults';

const DEFAULTS_BY_NAME = new Map(
  Object.entries(Topics).map(([key, topic]) => [topic.name, EVENT_DEFAULTS[key as TopicKey]]),
);

/**
 * A valid event of `topic` (fresh event id, occurred now, sensible values per topic) with
 * `overrides` applied; an override of a nested message (`customer: { region: 'dach' }`) keeps
 * that message's other defaults.
 */
export function anEvent<Desc extends DescMessage>(
  topic: EventTopic<Desc>,
  overrides?: MessageInitShape<Desc>,
): MessageShape<Desc> {
  const defaults = DEFAULTS_BY_NAME.get(topic.name);
  if (!defaults) throw new Error(`no event defaults for ${topic.name}: add them to event.defaults.ts`);
  const base: Record<string, unknown> = {
    eventId: randomUUID(),
    occurredAt: timestampFromDate(new Date()),
    ...defaults(),
  };
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value !== undefined) base[name] = merged(topic.schema, name, base[name], value);
  }
  return create(topic.schema, base as MessageInitShape<Desc>);
}

function merged(schema: DescMessage, name: string, fallback: unknown, value: unknown): unknown {
  const field = schema.fields.find((candidate) => candidate.localName === name);
  const nested = field?.fieldKind === 'message' && field.message.typeName !== TimestampSchema.typeName;
  return nested && isPlain(fallback) && isPlain(value) ? { ...fallback, ...value } : value;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `anEvent(topic, overrides)` encoded once: publishing the same record twice is a redelivery (same event id). */
export function anEventRecord<Desc extends DescMessage>(
  topic: EventTopic<Desc>,
  overrides?: MessageInitShape<Desc>,
): EventRecord {
  return toRecord(topic, anEvent(topic, overrides));
}

/** Encodes `message` as a record of `topic`, with the CloudEvents source of a test. */
export function toRecord<Desc extends DescMessage>(
  topic: EventTopic<Desc>,
  message: MessageInitShape<Desc>,
): EventRecord {
  return { topic: topic.name, message: encodeEvent(topic, message, { source: 'urn:nps:test' }) };
}
