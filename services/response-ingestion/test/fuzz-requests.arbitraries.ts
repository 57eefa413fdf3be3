import fc from 'fast-check';
import { smsSignature } from '../src/sms/sms-signature.verifier';

/** One generated HTTP request: path (with query), method, headers, body bytes. */
export interface FuzzRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

/** Header values fetch can send: printable ASCII, sometimes long. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
  fc.constant('x'.repeat(8000)),
);

const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=koi8-r',
    'text/csv',
    'application/x-ndjson',
    'text/plain',
    'multipart/form-data; boundary=zzz',
    'application/octet-stream',
    'application/problem+json',
    '',
  ),
  headerValue,
);

/** Text that is not quite JSON, JSON of odd shapes, and bytes that are not UTF-8. */
const bodyText = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)), weight: 4 },
  {
    arbitrary: fc
      .record(
        { token: fc.string(), messageRef: fc.string(), text: fc.string(), score: fc.anything(), comment: fc.string() },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
    weight: 4,
  },
  { arbitrary: fc.string({ maxLength: 500 }), weight: 2 },
  { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)), weight: 1 }, // truncated
  {
    arbitrary: fc.constantFrom(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},"score":5}',
      `${'['.repeat(20000)}${']'.repeat(20000)}`,
      `{"comment":"${'\\ud800'.repeat(50)}","score":5}`,
      'score[]=1&score[]=2&comment[a][b][c]=x',
      'score=%E0%A4%A&comment=%ZZ',
      Array.from({ length: 3000 }, (_, i) => `p${i}=${i}`).join('&'),
      'customer_id,score,answered_at,language\n"unterminated,5,2024-01-01T00:00:00Z,en\n',
      '\uFEFF\u0000\u0001',
    ),
    weight: 2,
  },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }), weight: 1 },
);

const body = fc.oneof(
  { arbitrary: bodyText.map(bytes), weight: 12 },
  { arbitrary: fc.uint8Array({ maxLength: 2000 }), weight: 3 }, // not UTF-8
  { arbitrary: fc.constant(bytes(`{"comment":"${'a'.repeat(300 * 1024)}"}`)), weight: 1 }, // over the body limit
);

/** Survey tokens as an attacker or a broken mail client sends them. */
function token(genuine: string[]) {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...genuine), weight: 2 },
    { arbitrary: fc.string({ maxLength: 200 }).map(encodeURIComponent), weight: 3 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...genuine), fc.nat(), fc.constantFrom('A', '_', '-', '.', '%', '%00', '%E0', '..%2F'))
        .map(([t, at, insert]) => t.slice(0, at % t.length) + insert + t.slice(at % t.length)),
      weight: 3,
    },
    {
      arbitrary: fc.constantFrom('%', '%E0%A4%A', '..', '%2E%2E%2F', 'a'.repeat(5000), '%F0%9F%98%80', '%C0%AF'),
      weight: 1,
    },
  );
}

const query = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -2, max: 12 }).map((score) => `?score=${score}`),
  fc.constantFrom(
    '?score=',
    '?score=1&score=2',
    '?score[a]=1',
    '?score=%E0',
    '?score=10.0',
    `?score=${'9'.repeat(400)}`,
  ),
  fc.string({ maxLength: 100 }).map((text) => `?score=${encodeURIComponent(text)}`),
);

const withHeaders = (extra: fc.Arbitrary<Record<string, string>>) =>
  fc.tuple(contentType, fc.option(headerValue, { nil: undefined }), extra).map(([type, language, more]) => ({
    ...(type ? { 'content-type': type } : {}),
    ...(language !== undefined ? { 'accept-language': language } : {}),
    ...more,
  }));

/** Generated requests for each public endpoint, given genuine tokens to mutate. */
export function fuzzRequests(genuine: string[], smsSecret: string): Record<string, fc.Arbitrary<FuzzRequest>> {
  return {
    'GET /s/:token': fc
      .tuple(token(genuine), query, withHeaders(fc.constant({})))
      .map(([t, q, headers]) => ({ method: 'GET', path: `/s/${t}${q}`, headers })),
    'POST /s/:token': fc
      .tuple(token(genuine), body, withHeaders(fc.constant({})))
      .map(([t, b, headers]) => ({ method: 'POST', path: `/s/${t}`, headers, body: b })),
    'POST /responses': fc
      .tuple(body, withHeaders(fc.record({ 'idempotency-key': headerValue }, { requiredKeys: [] })))
      .map(([b, headers]) => ({ method: 'POST', path: '/responses', headers, body: b })),
    // Most replies carry a valid signature, so the fuzz reaches the parser behind it.
    'POST /sms/inbound': fc
      .tuple(body, withHeaders(fc.constant({})), fc.nat(9), headerValue)
      .map(([b, headers, roll, forged]) => ({
        method: 'POST',
        path: '/sms/inbound',
        headers:
          roll < 7
            ? { ...headers, 'content-type': 'application/json', 'x-signature': smsSignature(smsSecret, Buffer.from(b)) }
            : { ...headers, 'x-signature': forged },
        body: b,
      })),
    'POST /imports': fc
      .tuple(body, withHeaders(fc.constant({})), fc.oneof(fc.constant('fuzz'), fc.string({ maxLength: 120 })))
      .map(([b, headers, id]) => ({
        method: 'POST',
        path: `/imports?importId=${encodeURIComponent(id)}`,
        headers,
        body: b,
      })),
  };
}
