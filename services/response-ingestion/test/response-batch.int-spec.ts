import { randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { type ServiceBed, serviceBed } from '@nps/testing';
import { aSurveyLink, devLinks } from './survey-link.fixtures';

interface Result {
  idempotencyKey: string | null;
  status: number;
  answer?: { outcome: string; responseId: string; score: number };
  replayed?: boolean;
  problem?: { status: number; code: string; detail?: string; fields?: { field: string }[] };
}

// POST /responses/batch: each answer as its own POST /responses would go, against real Kafka and Postgres
// (ADR 0068).
describe('POST /responses/batch', () => {
  // A small pool: a batch's answers with survey links each take a connection for a transaction of their own.
  const bed = serviceBed({ service: 'response-ingestion', env: { DATABASE_POOL_SIZE: '3' } });
  const kafka = bed.probe(Topics.ResponseReceived);

  const headers = async () => ({
    'content-type': 'application/json',
    authorization: `Bearer ${await bed.clientToken('responses-writer')}`,
  });
  const postBatch = async (answers: unknown) =>
    fetch(`${bed.url}/responses/batch`, {
      method: 'POST',
      headers: await headers(),
      body: JSON.stringify({ answers }),
    });
  const results = async (answers: unknown[]) => {
    const response = await postBatch(answers);
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: Result[] }).results;
  };
  const anAnswer = (extra: Record<string, unknown> = {}) => ({
    idempotencyKey: `k-${randomUUID()}`,
    customerId: `c-${randomUUID()}`,
    score: 2,
    comment: 'Nobody called back',
    language: 'en',
    ...extra,
  });
  const storedFor = async (customers: string[]) =>
    (
      await bed.rows<{ customer_id: string }>('SELECT customer_id FROM $schema.responses WHERE customer_id = ANY($1)', [
        customers,
      ])
    )
      .map((row) => row.customer_id)
      .sort();

  it('stores the valid answers, refuses each bad one on its own, and publishes one event per stored answer', async () => {
    const good = [anAnswer(), anAnswer({ score: 9, comment: undefined }), anAnswer({ channel: 'STORE' })];
    const link = { idempotencyKey: `k-${randomUUID()}`, token: devLinks(bed.url).sign(aSurveyLink()), score: 3 };
    const bad = [
      anAnswer({ score: 11 }),
      anAnswer({ idempotencyKey: 'short' }),
      anAnswer({ note: 'not a field' }),
      { ...link, idempotencyKey: `k-${randomUUID()}`, token: `${link.token}x` },
    ];
    const sent = [good[0], bad[0], good[1], bad[1], link, bad[2], good[2], bad[3]];

    const answered = await results(sent);

    expect(answered.map((r) => r.status)).toEqual([201, 400, 201, 400, 201, 400, 201, 400]);
    expect(answered.map((r) => r.idempotencyKey)).toEqual(sent.map((a) => a.idempotencyKey));
    expect(answered.map((r) => r.problem?.code)).toEqual([
      undefined,
      'VALIDATION_FAILED',
      undefined,
      'VALIDATION_FAILED',
      undefined,
      'VALIDATION_FAILED',
      undefined,
      'SURVEY_LINK_BAD_SIGNATURE',
    ]);
    expect(answered[1].problem?.fields?.map((f) => f.field)).toEqual(['score']);
    expect(answered[3].problem?.fields?.map((f) => f.field)).toEqual(['idempotencyKey']);
    expect(answered[5].problem?.fields?.map((f) => f.field)).toEqual(['note']);
    const customers = [...good, ...bad].flatMap((a) => ('customerId' in a ? [a.customerId] : []));
    expect(await storedFor(customers)).toEqual(good.map((a) => a.customerId).sort());

    const ids = new Set(answered.filter((r) => r.status === 201).map((r) => r.answer?.responseId));
    const events = await kafka.eventually(Topics.ResponseReceived, (m) => ids.has(m.responseId), 4);
    expect(events.map((e) => e.message.responseId).sort()).toEqual([...ids].sort());
  });

  it('replays a retried batch from its keys, also keys first sent to POST /responses, and publishes nothing more', async () => {
    const single = anAnswer();
    const { idempotencyKey, ...body } = single;
    const first = await fetch(`${bed.url}/responses`, {
      method: 'POST',
      headers: { ...(await headers()), 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    });
    expect(first.status).toBe(201);
    const batch = [single, anAnswer(), anAnswer()];
    const once = await results(batch);
    expect(once.map((r) => [r.status, r.replayed])).toEqual([
      [200, true],
      [201, false],
      [201, false],
    ]);

    const again = await results(batch);

    expect(again.map((r) => [r.status, r.replayed])).toEqual([
      [200, true],
      [200, true],
      [200, true],
    ]);
    expect(again.map((r) => r.answer?.responseId)).toEqual(once.map((r) => r.answer?.responseId));
    const customers = new Set(batch.map((a) => a.customerId));
    await kafka.eventually(Topics.ResponseReceived, (m) => customers.has(m.customerId), 3);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(kafka.events(Topics.ResponseReceived).filter((e) => customers.has(e.message.customerId))).toHaveLength(3);
  });

  it('takes a key twice in one batch as a retry, and refuses its reuse with another body with 422', async () => {
    const answer = anAnswer();
    const reused = { ...answer, score: 10 };
    const answered = await results([answer, { ...answer }, reused]);
    expect(answered.map((r) => r.status)).toEqual([201, 200, 422]);
    expect(answered[2].problem).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(answered[2].problem?.fields?.map((f) => f.field)).toEqual(['idempotencyKey']);
    expect(answered[2].problem?.detail).not.toContain('Idempotency-Key');
    expect(await bed.rows('SELECT score FROM $schema.responses WHERE customer_id = $1', [answer.customerId])).toEqual([
      { score: 2 },
    ]);
  });

  it.each([
    ['no answers', []],
    ['more than 100 answers', Array.from({ length: 101 }, () => anAnswer())],
    ['an answer that is no object', [anAnswer(), 'score=3']],
  ])('refuses a batch with %s as a whole with 400 naming answers, storing nothing', async (_, answers) => {
    const response = await postBatch(answers);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; fields: { field: string }[] };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.fields.map((f) => f.field)).toContain('answers');
    const customers = (answers as { customerId?: string }[]).flatMap((a) => a.customerId ?? []);
    expect(await storedFor(customers)).toEqual([]);
  });

  it('stores a full batch of answers with survey links, each its own, on a pool of three connections', async () => {
    const links = devLinks(bed.url);
    const sent = Array.from({ length: 100 }, (_, i) => ({
      idempotencyKey: `k-${randomUUID()}`,
      token: links.sign(aSurveyLink()),
      score: i % 11,
      comment: `Answer ${i}`,
    }));
    const answered = await results(sent);
    expect(answered.filter((r) => r.status !== 201)).toEqual([]);
    const ids = answered.map((r) => r.answer?.responseId);
    const stored = await bed.rows('SELECT 1 FROM $schema.responses WHERE response_id = ANY($1)', [ids]);
    expect(stored).toHaveLength(100);
  });

  it('documents the batch in /docs-json: each answer is a POST /responses body with its idempotencyKey', async () => {
    type Schema = { properties?: Record<string, { items?: { $ref?: string } }>; required?: string[] };
    const document = (await (await fetch(`${bed.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, Schema> };
    };
    const batch = document.paths['/responses/batch'].post;
    expect(Object.keys(batch.responses)).toEqual(expect.arrayContaining(['200', '400']));
    const { schemas } = document.components;
    const answer = schemas.CreateResponseBatchDto.properties?.answers.items?.$ref?.split('/').pop() ?? '';
    expect(Object.keys(schemas[answer].properties ?? {})).toEqual(
      expect.arrayContaining(['idempotencyKey', 'customerId', 'score', 'comment', 'token', 'answeredAt']),
    );
    expect(schemas[answer].required).toEqual(expect.arrayContaining(['idempotencyKey', 'score']));
  });

  it('refuses a batch without the responses:write scope', async () => {
    const response = await fetch(`${bed.url}/responses/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await bed.clientToken('importer')}`,
      },
      body: JSON.stringify({ answers: [anAnswer()] }),
    });
    expect(response.status).toBe(403);
  });
});

describe("POST /responses/batch against the client's answer budget", () => {
  const bed = serviceBed({ service: 'response-ingestion', env: { RATE_LIMIT_ANSWERS_PER_CLIENT: '5' } });

  it('counts each answer of a batch: 3 + 1 single pass, the next batch of 3 gets 429, one larger than the budget 400', async () => {
    expect((await postAnswers(bed, 3)).status).toBe(200);
    expect((await postAnswers(bed, 1, true)).status).toBe(201);
    const tooMany = await postAnswers(bed, 3);
    expect(tooMany.status).toBe(429);
    expect(Number(tooMany.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const tooLarge = await postAnswers(bed, 6);
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'answers', reason: expect.stringContaining('send smaller batches') as string }],
    });
  });
});

describe('POST /responses/batch longer than a batch may be, against a budget of 150 answers', () => {
  const bed = serviceBed({ service: 'response-ingestion', env: { RATE_LIMIT_ANSWERS_PER_CLIENT: '150' } });

  it('draws at most a full batch (100) for a refused batch of 101: 50 more pass, one after them does not', async () => {
    expect((await postAnswers(bed, 101)).status).toBe(400);
    expect((await postAnswers(bed, 50)).status).toBe(200);
    expect((await postAnswers(bed, 1)).status).toBe(429);
  });
});

/** `size` fresh answers of one client as a batch, or the first of them alone to POST /responses (`single`). */
async function postAnswers(bed: ServiceBed, size: number, single = false): Promise<Response> {
  const answers = Array.from({ length: size }, () => ({
    idempotencyKey: `k-${randomUUID()}`,
    customerId: `c-${randomUUID()}`,
    score: 7,
    language: 'en',
  }));
  const authorization = `Bearer ${await bed.clientToken('responses-writer')}`;
  if (single) {
    const { idempotencyKey, ...body } = answers[0];
    return fetch(`${bed.url}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    });
  }
  return fetch(`${bed.url}/responses/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ answers }),
  });
}
