import { randomUUID } from 'node:crypto';
import { Channel } from '@nps/contracts';
import { OpenApiAnswers, serviceBed } from '@nps/testing';
import { SMS_SIGNATURE_HEADER, smsSignature } from '../src/sms/sms-signature.verifier';
import { aSignedSurveyLink } from './survey-link.fixtures';

/** The development SMS_WEBHOOK_SECRET the service runs with here. */
const SMS_WEBHOOK_SECRET = 'local-development-only-sms-webhook-secret';

// Every route that answers JSON, called for real; each answer must match the schema /docs-json declares for its status.
describe('answers of the ingestion API against their OpenAPI schemas', () => {
  const bed = serviceBed({ service: 'response-ingestion' });
  let api: OpenApiAnswers;
  let writer: string;
  let importer: string;
  let lead: string;

  beforeAll(async () => {
    writer = await bed.clientToken('responses-writer');
    importer = await bed.clientToken('importer');
    lead = await bed.tokenFor('lena');
    api = await OpenApiAnswers.of(bed.url);
  });

  const postResponse = (key: string, body: unknown) =>
    api.call(writer, 'POST /responses', { body, headers: { 'Idempotency-Key': key } });
  const smsReply = (body: unknown) =>
    api.call(undefined, 'POST /sms/inbound', {
      body,
      headers: { [SMS_SIGNATURE_HEADER]: smsSignature(SMS_WEBHOOK_SECRET, JSON.stringify(body)) },
    });
  const link = (overrides = {}) => aSignedSurveyLink(bed.url, overrides);

  it('POST /responses: received, a replay, a revision and an unchanged resubmission', async () => {
    const key = `kiosk-${randomUUID()}`;
    const body = {
      customerId: `c-${randomUUID()}`,
      score: 10,
      comment: 'Top!',
      language: 'de',
      channel: 'STORE',
      touchpointType: 'store-visit',
      answeredAt: new Date(Date.now() - 3600_000).toISOString(),
    };
    const created = await postResponse(key, body);
    expect(created).toMatchObject({ status: 201, body: { outcome: 'received', revision: 0, comment: 'Top!' } });
    const replayed = await postResponse(key, body);
    expect(replayed).toMatchObject({ status: 200, body: { responseId: created.body.responseId } });

    // With a survey link token: the first answer, a changed one (a revision), then the same again (unchanged).
    const { token } = link();
    const first = await postResponse(`k-${randomUUID()}`, { token, score: 4 });
    expect(first).toMatchObject({ status: 201, body: { outcome: 'received', comment: '' } });
    const revision = await postResponse(`k-${randomUUID()}`, { token, score: 6, comment: 'Better after the call' });
    expect(revision).toMatchObject({ status: 201, body: { outcome: 'revised', revision: 1 } });
    const unchanged = await postResponse(`k-${randomUUID()}`, { token, score: 6, comment: 'Better after the call' });
    expect(unchanged).toMatchObject({ status: 200, body: { outcome: 'unchanged', revision: 1 } });
  });

  it('POST /responses/batch: stored, replayed, refused and a reused key, each with its result', async () => {
    const stored = {
      idempotencyKey: `k-${randomUUID()}`,
      customerId: `c-${randomUUID()}`,
      score: 2,
      comment: 'Nobody called back',
      language: 'en',
    };
    const { token } = link();
    const answers = [
      stored,
      { idempotencyKey: `k-${randomUUID()}`, token, score: 8 },
      { ...stored, idempotencyKey: `k-${randomUUID()}`, score: 11 },
      { idempotencyKey: 'short', customerId: 'c-1', score: 5, language: 'en' },
      { idempotencyKey: 42, customerId: 'c-1', score: 5, language: 'en' },
      { idempotencyKey: `k-${randomUUID()}`, token: `${token}x`, score: 5 },
    ];
    const first = await api.call(writer, 'POST /responses/batch', { body: { answers } });
    expect(first.body.results.map((result: { status: number }) => result.status)).toEqual([
      201, 201, 400, 400, 400, 400,
    ]);
    expect(first.body.results[4]).toMatchObject({ idempotencyKey: null, problem: { code: 'VALIDATION_FAILED' } });
    // The first answer again (a replay) and its key with another score (reused).
    const again = await api.call(writer, 'POST /responses/batch', {
      body: { answers: [stored, { ...stored, score: 3 }] },
    });
    expect(again.body.results).toMatchObject([
      { status: 200, replayed: true, answer: { outcome: 'received' } },
      { status: 422, problem: { code: 'IDEMPOTENCY_KEY_REUSED' } },
    ]);
  });

  it('POST /imports: a JSON array, CSV and JSON Lines, with rejects, a rerun and follow-up asked for', async () => {
    const customer = `c-${randomUUID().slice(0, 8)}`;
    const rows = [
      { customer_id: customer, score: 9, answered_at: '2025-03-01T14:05:00Z', language: 'en', comment: 'Great' },
      { customer_id: customer, score: 12, answered_at: '2025-03-02T09:00:00Z', language: 'en' },
      { customer_id: customer, score: 3, answered_at: '2025-03-03T09:00:00Z', language: 'xx', channel: 'pigeon' },
    ];
    const importId = `openapi-json-${randomUUID().slice(0, 8)}`;
    const json = await api.call(importer, 'POST /imports', { query: `?importId=${importId}`, body: rows });
    expect(json.body).toMatchObject({ rows: 3, accepted: 1, published: 1, rejected: 2, rejectsTruncated: false });
    expect(json.body.rejects.length).toBeGreaterThan(2);
    const rerun = await api.call(importer, 'POST /imports', {
      query: `?importId=${importId}&followUp=false`,
      body: rows,
    });
    expect(rerun.body).toMatchObject({ accepted: 1, published: 0, alreadyImported: 1 });

    const upload = async (query: string, contentType: string, body: string) => {
      const response = await fetch(`${bed.url}/imports${query}`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${importer}` },
        body,
      });
      const text = await response.text();
      return api.check('POST /imports', {
        status: response.status,
        body: text ? JSON.parse(text) : undefined,
        contentType: response.headers.get('content-type') ?? '',
      });
    };
    const csv = await upload(
      `?importId=openapi-csv-${randomUUID().slice(0, 8)}&followUp=true`,
      'text/csv',
      [
        'customer_id,score,answered_at,language,comment,channel,touchpoint_type,external_id',
        `${customer},2,2025-04-01T10:00:00Z,nl,Te laat geleverd,email,order-delivered,ext-1`,
        `${customer},7,not-a-date,nl,,,,ext-2`,
        '"unterminated,1',
      ].join('\n'),
    );
    expect(csv.body).toMatchObject({ rows: 3, accepted: 1, published: 1, rejected: 2 });
    const lines = await upload(
      `?importId=openapi-ndjson-${randomUUID().slice(0, 8)}`,
      'application/x-ndjson',
      [JSON.stringify({ ...rows[0], answered_at: '2025-05-01T10:00:00Z' }), '{not json'].join('\n'),
    );
    expect(lines.body).toMatchObject({ rows: 2, accepted: 1, rejected: 1, rejects: [{ line: 2, field: 'row' }] });
  });

  it('POST /sms/inbound: a reply, the same reply redelivered, and STOP', async () => {
    const { token } = link({ channel: Channel.SMS, language: 'en' });
    const reply = await smsReply({ messageRef: token, text: 'nine the driver was very friendly' });
    expect(reply.body).toMatchObject({ outcome: 'received', score: 9, comment: 'the driver was very friendly' });
    const redelivered = await smsReply({ messageRef: token, text: 'nine the driver was very friendly' });
    expect(redelivered.body).toMatchObject({ outcome: 'unchanged', responseId: reply.body.responseId });
    const stop = await smsReply({ messageRef: link({ channel: Channel.SMS }).token, text: 'STOP' });
    expect(stop.body).toEqual({ outcome: 'opted-out', reply: expect.any(String) });
  });

  it('POST /survey-requests/{id}/revoke: newly, then again', async () => {
    const { claims } = link();
    const params = { id: claims.surveyRequestId };
    const revoked = await api.call(lead, 'POST /survey-requests/{id}/revoke', {
      params,
      body: { reason: 'sent to the wrong customer' },
    });
    expect(revoked.body).toEqual({ surveyRequestId: claims.surveyRequestId, newlyRevoked: true });
    const again = await api.call(lead, 'POST /survey-requests/{id}/revoke', { params, body: {} });
    expect(again.body.newlyRevoked).toBe(false);
  });

  it('called every route that answers JSON', () => {
    expect(api.uncalled()).toEqual([]);
  });
});
