import { randomBytes, randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { serviceBed } from '@nps/testing';
import { aSurveyLink, devLinks } from './survey-link.fixtures';

// POST /responses seals the comment with the customer's key before its transaction opens: the key
// store takes connections from the same pool, so requests that each held one for their transaction
// while waiting for a key's starved the pool and answered 503 once as many arrived as it has.
describe('POST /responses under concurrent requests', () => {
  const bed = serviceBed({ service: 'response-ingestion', env: { DATABASE_POOL_SIZE: '3' } });
  const kafka = bed.probe(Topics.ResponseReceived);

  const post = async (body: unknown, key: string, headers: Record<string, string> = {}) =>
    fetch(`${bed.url}/responses`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await bed.clientToken('responses-writer')}`,
        'Idempotency-Key': key,
        ...headers,
      },
      body: JSON.stringify(body),
    });

  it('stores every answer of more concurrent requests than the pool has connections, each for a new customer', async () => {
    const answers = Array.from({ length: 24 }, (_, i) => ({
      customerId: `c-${randomUUID()}`,
      score: i % 11,
      comment: `Answer ${i}: the parcel came late`,
      language: 'en',
    }));
    const statuses = await Promise.all(answers.map(async (body) => (await post(body, `k-${randomUUID()}`)).status));
    expect(statuses).toEqual(answers.map(() => 201));
    const stored = await bed.rows<{ customer_id: string }>('SELECT customer_id FROM $schema.responses');
    expect(stored.map((row) => row.customer_id).sort()).toEqual(answers.map((a) => a.customerId).sort());
  });

  it("gives each answer's event the trace of its own request, though concurrent answers share a transaction", async () => {
    const requests = Array.from({ length: 12 }, () => ({
      customerId: `c-${randomUUID()}`,
      traceId: randomBytes(16).toString('hex'),
    }));
    const statuses = await Promise.all(
      requests.map(async ({ customerId, traceId }) => {
        const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
        return (await post({ customerId, score: 4, language: 'en' }, `k-${randomUUID()}`, { traceparent })).status;
      }),
    );
    expect(statuses).toEqual(requests.map(() => 201));
    const customers = new Set(requests.map((r) => r.customerId));
    const events = await kafka.eventually(Topics.ResponseReceived, (m) => customers.has(m.customerId), 12);
    const traceOf = new Map(events.map((e) => [e.message.customerId, e.traceparent?.split('-')[1]]));
    expect(requests.map((r) => traceOf.get(r.customerId))).toEqual(requests.map((r) => r.traceId));
  });

  it.each([
    ['without a survey link', () => ({ customerId: `c-${randomUUID()}`, score: 3, comment: 'Slow', language: 'en' })],
    ['with a survey link', () => ({ token: devLinks(bed.url).sign(aSurveyLink()), score: 3, comment: 'Slow' })],
  ])('answers 6 concurrent retries of one key %s once: one 201, five replays of it', async (_, body) => {
    const key = `k-${randomUUID()}`;
    const request = body();
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(request, key)));
    const answers = await Promise.all(responses.map(async (r) => (await r.json()) as { responseId: string }));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    expect(new Set(answers.map((a) => a.responseId)).size).toBe(1);
    const stored = await bed.rows('SELECT 1 FROM $schema.responses WHERE response_id = $1', [answers[0].responseId]);
    expect(stored).toHaveLength(1);
  });

  it('refuses concurrent requests that reuse one key with another body, and stores only the first body', async () => {
    const key = `k-${randomUUID()}`;
    const customerId = `c-${randomUUID()}`;
    const bodies = [0, 1, 2, 0, 1, 2].map((score) => ({ customerId, score, language: 'en' }));
    const responses = await Promise.all(bodies.map((body) => post(body, key)));
    const statuses = responses.map((r) => r.status);
    const stored = await bed.rows<{ score: number }>('SELECT score FROM $schema.responses WHERE customer_id = $1', [
      customerId,
    ]);
    expect(stored).toHaveLength(1);
    const winner = stored[0].score;
    expect(statuses).toEqual(bodies.map((b, i) => (b.score !== winner ? 422 : statuses[i] === 201 ? 201 : 200)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  });

  it('replays a key whose answer was deleted since (retention, erasure) without storing it again', async () => {
    const key = `k-${randomUUID()}`;
    const request = { customerId: `c-${randomUUID()}`, score: 9, comment: 'Fine', language: 'en' };
    const first = await post(request, key);
    expect(first.status).toBe(201);
    const { responseId } = (await first.json()) as { responseId: string };
    await bed.rows('DELETE FROM $schema.responses WHERE response_id = $1', [responseId]);

    const retry = await post(request, key);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ outcome: 'received', responseId, score: 9, comment: 'Fine' });
    expect(await bed.rows('SELECT 1 FROM $schema.responses WHERE response_id = $1', [responseId])).toHaveLength(0);
  });
});
