import { aSampleEventOf } from '../../test/sample-event.builder';
import { Topics } from '../topics';
import type { ConsumedRecord, KafkaHeaders } from './cloud-event.headers';
import { decodeEvent } from './event.decoder';
import { encodeEvent } from './event.encoder';
import { UndecodableEventError, UndecodableReason } from './undecodable-event.error';

const topic = Topics.ResponseReceived;
const source = 'urn:nps:service:contracts-test';

function aRecord(
  change: (record: {
    key: ConsumedRecord['key'];
    value: ConsumedRecord['value'];
    headers: KafkaHeaders;
  }) => void = () => undefined,
): ConsumedRecord {
  const encoded = encodeEvent(topic, aSampleEventOf(topic, { customerId: 'customer-1' }), { source });
  const record = {
    key: Buffer.from(encoded.key) as ConsumedRecord['key'],
    value: encoded.value as ConsumedRecord['value'],
    headers: { ...encoded.headers } as KafkaHeaders,
  };
  change(record);
  return record;
}

function rejection(record: ConsumedRecord): UndecodableEventError {
  try {
    decodeEvent(topic, record);
  } catch (error) {
    if (error instanceof UndecodableEventError) return error;
    throw error;
  }
  throw new Error('expected the record to be rejected');
}

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be replayed. */
function randomBytes(seed: number, length: number): Buffer {
  let state = seed;
  return Buffer.from(
    Array.from({ length }, () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }),
  );
}

describe('decodeEvent', () => {
  it('decodes a record whose headers are strings or single-element arrays', () => {
    const record = aRecord((r) => (r.headers.ce_source = [Buffer.from(source)]));

    expect(decodeEvent(topic, record).attributes.source).toBe(source);
  });

  it('accepts application/x-protobuf and a record without content-type', () => {
    expect(() =>
      decodeEvent(
        topic,
        aRecord((r) => (r.headers['content-type'] = 'application/x-protobuf')),
      ),
    ).not.toThrow();
    expect(() =>
      decodeEvent(
        topic,
        aRecord((r) => delete r.headers['content-type']),
      ),
    ).not.toThrow();
  });

  it.each([
    [
      'bytes that are not protobuf',
      (r) => (r.value = Buffer.from([0xff, 0xff, 0xff, 0xff])),
      UndecodableReason.InvalidProtobuf,
      /not a nps\.v1\.ResponseReceived/,
    ],
    [
      'a JSON value',
      (r) => (r.value = Buffer.from('{"eventId":"1","customerId":"customer-1"}')),
      UndecodableReason.InvalidProtobuf,
      /not a nps\.v1\.ResponseReceived/,
    ],
    [
      'an empty value (a message with no event id)',
      (r) => (r.value = Buffer.alloc(0)),
      UndecodableReason.MissingEventId,
      /event_id is empty/,
    ],
    ['a null value', (r) => (r.value = null), UndecodableReason.MissingValue, /no value/],
    [
      'the ce_type of another topic',
      (r) => (r.headers.ce_type = Topics.ResponseRevised.name),
      UndecodableReason.TypeMismatch,
      /"nps\.response\.revised\.v1", expected "nps\.response\.received\.v1"/,
    ],
    ['no ce_type', (r) => delete r.headers.ce_type, UndecodableReason.MissingHeader, /ce_type/],
    ['no ce_id', (r) => delete r.headers.ce_id, UndecodableReason.MissingHeader, /ce_id/],
    ['no ce_source', (r) => (r.headers.ce_source = ''), UndecodableReason.MissingHeader, /ce_source/],
    ['no ce_specversion', (r) => delete r.headers.ce_specversion, UndecodableReason.MissingHeader, /ce_specversion/],
    ['CloudEvents 0.3', (r) => (r.headers.ce_specversion = '0.3'), UndecodableReason.UnsupportedSpecVersion, /0\.3/],
    [
      'a JSON content type',
      (r) => (r.headers['content-type'] = 'application/json'),
      UndecodableReason.UnsupportedContentType,
      /application\/json/,
    ],
    [
      'a repeated ce_type',
      (r) => (r.headers.ce_type = [topic.name, topic.name]),
      UndecodableReason.RepeatedHeader,
      /2 times/,
    ],
    ['no key', (r) => (r.key = null), UndecodableReason.MissingKey, /no key/],
    ['an empty key', (r) => (r.key = Buffer.alloc(0)), UndecodableReason.MissingKey, /no key/],
    [
      'a key that is not the customer_id',
      (r) => (r.key = 'customer-2'),
      UndecodableReason.KeyMismatch,
      /key "customer-2" but customer_id "customer-1"/,
    ],
    [
      'a ce_id that is not the event_id',
      (r) => (r.headers.ce_id = 'another-id'),
      UndecodableReason.IdMismatch,
      /ce_id "another-id"/,
    ],
  ] satisfies [string, Parameters<typeof aRecord>[0], UndecodableReason, RegExp][])(
    'rejects %s',
    (_, change, reason, detail) => {
      const error = rejection(aRecord(change));

      expect(error.reason).toBe(reason);
      expect(error.topic).toBe(topic.name);
      expect(error.message).toMatch(detail);
    },
  );

  it('rejects every one of 500 random values, never returning or throwing anything else', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const error = rejection(aRecord((r) => (r.value = randomBytes(seed, 1 + (seed % 64)))));

      expect(Object.values(UndecodableReason)).toContain(error.reason);
    }
  });

  it('rejects an event of another topic sent with a forged ce_type', () => {
    const closed = encodeEvent(Topics.CaseClosed, aSampleEventOf(Topics.CaseClosed), { source });
    const error = rejection({
      key: closed.key,
      value: closed.value,
      headers: { ...closed.headers, ce_type: topic.name },
    });

    expect([UndecodableReason.InvalidProtobuf, UndecodableReason.KeyMismatch]).toContain(error.reason);
  });
});
