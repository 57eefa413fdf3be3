import { randomUUID } from 'node:crypto';
import {
  create,
  ScalarType,
  type DescField,
  type DescMessage,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { timestampFromMs, TimestampSchema } from '@bufbuild/protobuf/wkt';
import type { EventTopic } from '../src/topic.spec-type';

/** 2025-03-01T09:30:00.123456789Z: nanoseconds that a Date would lose. */
export const SAMPLE_TIME = { ...timestampFromMs(Date.UTC(2025, 2, 1, 9, 30, 0)), nanos: 123_456_789 };

/**
 * An event of `topic` with every field set, derived from the schema, so a field added to a
 * message is covered by the round-trip tests without touching them.
 */
export function aSampleEventOf<Desc extends DescMessage>(
  topic: EventTopic<Desc>,
  overrides: Partial<MessageInitShape<Desc>> = {},
): MessageShape<Desc> {
  const init = {
    ...sampleInit(topic.schema),
    eventId: randomUUID(),
    ...overrides,
  } as unknown as MessageInitShape<Desc>;
  return create(topic.schema, init);
}

function sampleInit(schema: DescMessage): Record<string, unknown> {
  if (schema.typeName === TimestampSchema.typeName) return { ...SAMPLE_TIME };
  return Object.fromEntries(schema.fields.map((field) => [field.localName, sampleValue(field)]));
}

function sampleValue(field: DescField): unknown {
  switch (field.fieldKind) {
    case 'scalar':
      return sampleScalar(field.scalar, field.name);
    case 'enum':
      return field.enum.values[field.enum.values.length - 1].number;
    case 'message':
      return create(field.message, sampleInit(field.message));
    case 'list':
      if (field.listKind === 'scalar') return [sampleScalar(field.scalar, field.name)];
      if (field.listKind === 'enum') return [field.enum.values[1].number];
      return [create(field.message, sampleInit(field.message))];
    case 'map':
      if (field.mapKind !== 'scalar')
        throw new Error(`${field.name}: sample maps of ${field.mapKind} values are not implemented`);
      return { [`${field.name}-key`]: sampleScalar(field.scalar, field.name) };
  }
}

function sampleScalar(type: ScalarType, name: string): unknown {
  switch (type) {
    case ScalarType.STRING:
      return `${name}-sample-é✓`;
    case ScalarType.BOOL:
      return true;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return -0.5;
    case ScalarType.BYTES:
      return new Uint8Array([1, 2, 3]);
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return 7n;
    default:
      return 7;
  }
}
