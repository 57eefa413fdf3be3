import { equals } from '@bufbuild/protobuf';
import { aSampleEventOf } from '../../test/sample-event.builder';
import { ALL_TOPICS } from '../topics';
import { decodeEvent } from './event.decoder';
import { encodeEvent } from './event.encoder';
import { eventFields } from './event.fields';

const SOURCE = 'urn:nps:service:contracts-test';

describe.each(ALL_TOPICS.map((topic) => [topic.name, topic] as const))('the envelope of %s', (_, topic) => {
  const message = aSampleEventOf(topic);
  const { eventId, [topic.key]: key } = eventFields(message);
  const encoded = encodeEvent(topic, message, { source: SOURCE });

  it('carries the protobuf binary and exactly the CloudEvents binary-mode headers', () => {
    expect(encoded.headers).toEqual({
      ce_id: eventId,
      ce_type: topic.name,
      ce_source: SOURCE,
      ce_time: '2025-03-01T09:30:00.123456789Z',
      ce_specversion: '1.0',
      'content-type': 'application/protobuf',
      ce_dataschema: `urn:nps:proto:${topic.schema.typeName}`,
    });
    expect(encoded.value.length).toBeGreaterThan(0);
  });

  it(`is keyed by ${topic.key}`, () => {
    expect(encoded.key).toBe(key);
    expect(key).toBeTruthy();
  });

  it('decodes to an equal message, its attributes, and the headers it does not own', () => {
    const traceparent = Buffer.from('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    const headers = {
      ...Object.fromEntries(Object.entries(encoded.headers).map(([name, value]) => [name, Buffer.from(value)])),
      traceparent,
    };

    const decoded = decodeEvent(topic, { key: Buffer.from(encoded.key), value: encoded.value, headers });

    expect(equals(topic.schema, decoded.message, message)).toBe(true);
    expect(decoded.key).toBe(encoded.key);
    expect(decoded.attributes).toEqual({
      id: eventId,
      type: topic.eventType,
      source: SOURCE,
      specversion: '1.0',
      time: encoded.headers.ce_time,
      datacontenttype: 'application/protobuf',
      dataschema: topic.dataSchema,
    });
    expect(decoded.otherHeaders).toEqual({ traceparent });
  });
});
