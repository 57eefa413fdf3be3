import { randomUUID } from 'node:crypto';
import { Channel, ResponseSource, Topics } from '@nps/contracts';
import { connectKeyStore, type KeyStoreConnection } from '@nps/privacy';
import { anEvent, expectEventually, serviceBed } from '@nps/testing';
import { smsSignature } from '../src/sms/sms-signature.verifier';
import { aSignedSurveyLink, devLinks } from './survey-link.fixtures';

// The other ways in (JSON API, SMS webhook, one-click score links, revocation, expiry events)
// against the service process and the real broker: one event per accepted answer, none otherwise.
interface ApiAnswer {
  responseId: string;
  code?: string;
  fields: { field: string; reason: string }[];
}
const json = async (response: Response) => (await response.json()) as ApiAnswer;

describe('answer channels', () => {
  const bed = serviceBed({ service: 'response-ingestion' });
  const kafka = bed.probe(Topics.ResponseReceived, Topics.ResponseRevised);
  const received = () => kafka.events(Topics.ResponseReceived);
  const revised = () => kafka.events(Topics.ResponseRevised);

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${bed.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const bearer = async (token: Promise<string>) => ({ authorization: `Bearer ${await token}` });
  const writer = () => bearer(bed.clientToken('responses-writer'));
  /** What the SMS gateway sends: the JSON body signed with the development SMS_WEBHOOK_SECRET. */
  const sms = (body: unknown) => {
    const raw = JSON.stringify(body);
    const signature = smsSignature('local-development-only-sms-webhook-secret', raw);
    return fetch(`${bed.url}/sms/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signature },
      body: raw,
    });
  };
  const drained = () => bed.outboxDrained();
  let keyStore: KeyStoreConnection;
  beforeAll(async () => {
    keyStore = await connectKeyStore({ url: bed.databaseUrl, schema: bed.privacySchema });
  });
  afterAll(() => keyStore?.close());
  const token = (overrides = {}) => aSignedSurveyLink(bed.url, overrides);

  it('POST /responses: the same Idempotency-Key and body gives the same response and one event; another body is refused', async () => {
    const key = `kiosk-${randomUUID()}`;
    const body = {
      customerId: `c-${randomUUID()}`,
      score: 10,
      comment: 'Top!',
      language: 'de',
      channel: 'STORE',
      touchpointType: 'store-visit',
    };
    const first = await post('/responses', body, { 'Idempotency-Key': key, ...(await writer()) });
    expect(first.status).toBe(201);
    const created = await json(first);
    const retry = await post('/responses', { ...body }, { 'Idempotency-Key': key, ...(await writer()) });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(retry)).responseId).toBe(created.responseId);
    const changed = await post('/responses', { ...body, score: 0 }, { 'Idempotency-Key': key, ...(await writer()) });
    expect(changed.status).toBe(422);
    expect(await changed.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

    await drained();
    const events = await expectEventually(() => {
      const mine = received().filter((e) => e.message.customerId === body.customerId);
      expect(mine).toHaveLength(1);
      return mine;
    });
    expect(events[0].message).toMatchObject({
      responseId: created.responseId,
      score: 10,
      language: 'de',
      channel: Channel.STORE,
      source: ResponseSource.API,
    });
    expect(await keyStore.text(body.customerId, events[0].message.comment)).toBe('Top!');
  });

  it('POST /responses: names every bad field with a 400 and stores nothing', async () => {
    const customerId = `c-${randomUUID()}`;
    const response = await post(
      '/responses',
      { customerId, score: 11, comment: 'x'.repeat(5001), language: 'fr' },
      { 'Idempotency-Key': `k-${randomUUID()}`, ...(await writer()) },
    );
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f) => f.field).sort()).toEqual(['comment', 'language', 'score']);
    expect(body.fields.find((f) => f.field === 'comment')?.reason).toMatch(/at most 5000 characters/);
    const lone = await fetch(`${bed.url}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': `k-${randomUUID()}`, ...(await writer()) },
      body: `{"customerId":"${customerId}","score":5,"language":"en","comment":"bad \\ud800 text"}`,
    });
    expect(lone.status).toBe(400);
    expect((await json(lone)).fields).toEqual([{ field: 'comment', reason: expect.stringMatching(/lone surrogates/) }]);
    const notUtf8 = await fetch(`${bed.url}/responses`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'Idempotency-Key': `k-${randomUUID()}`,
        ...(await writer()),
      },
      body: Buffer.concat([
        Buffer.from(`{"customerId":"${customerId}","score":5,"language":"en","comment":"caf`),
        Buffer.from([0xe9]),
        Buffer.from('"}'),
      ]),
    });
    expect(notUtf8.status).toBe(400);
    expect((await json(notUtf8)).fields).toEqual([
      { field: 'comment', reason: expect.stringMatching(/not valid UTF-8/) },
    ]);
    const rows = await bed.db.query(`SELECT count(*) AS n FROM "${bed.schema}".responses WHERE customer_id = $1`, [
      customerId,
    ]);
    expect(Number(rows.rows[0].n)).toBe(0);
  });

  it('POST /responses with a token refuses a forged one with its reason', async () => {
    const { token: genuine } = token();
    const response = await post(
      '/responses',
      { token: `${genuine}x`, score: 5 },
      { 'Idempotency-Key': `k-${randomUUID()}`, ...(await writer()) },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'SURVEY_LINK_BAD_SIGNATURE',
      fields: [{ field: 'token', reason: 'bad-signature' }],
    });
  });

  it("POST /responses: the comment leaves encrypted, with a masked copy, both readable with the customer's key", async () => {
    const customerId = `c-${randomUUID()}`;
    const comment = 'Bel me op +31 6 12345678, order te laat';
    const body = { customerId, score: 3, comment, language: 'nl', channel: 'STORE', touchpointType: 'store-visit' };
    const answer = await post('/responses', body, { 'Idempotency-Key': `k-${randomUUID()}`, ...(await writer()) });
    expect(answer.status).toBe(201);
    await drained();
    const [event] = await expectEventually(() => {
      const mine = received().filter((e) => e.message.customerId === customerId);
      expect(mine).toHaveLength(1);
      return mine;
    });
    for (const field of [event.message.comment, event.message.maskedComment]) {
      expect(field).toMatch(/^enc:v1:/);
      expect(field).not.toContain('12345678');
      expect(field).not.toContain('order te laat');
    }
    expect(await keyStore.text(customerId, event.message.comment)).toBe(comment);
    expect(await keyStore.text(customerId, event.message.maskedComment)).toBe('Bel me op [phone], order te laat');
  });

  it('inbound SMS: "negen, snel geleverd" becomes score 9 with its comment; a redelivery changes nothing; an unreadable reply is a 400', async () => {
    const { claims, token: ref } = token({ channel: Channel.SMS });
    const reply = await sms({ messageRef: ref, text: 'negen, snel geleverd' });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ outcome: 'received', score: 9, comment: 'snel geleverd' });
    expect(await (await sms({ messageRef: ref, text: 'negen, snel geleverd' })).json()).toMatchObject({
      outcome: 'unchanged',
    });
    const unreadable = await sms({ messageRef: ref, text: 'wie is dit?' });
    expect(unreadable.status).toBe(400);
    expect(await unreadable.json()).toMatchObject({ code: 'SMS_REPLY_UNREADABLE', fields: [{ field: 'text' }] });
    await drained();
    const events = await expectEventually(() => {
      const mine = received().filter((e) => e.message.surveyRequestId === claims.surveyRequestId);
      expect(mine).toHaveLength(1);
      return mine;
    });
    expect(events.map((e) => [e.message.score, e.message.channel, e.message.source])).toEqual([
      [9, Channel.SMS, ResponseSource.SMS],
    ]);
    expect(await keyStore.text(claims.customerId, events[0].message.comment)).toBe('snel geleverd');
  });

  it('a one-click score from the email: the GET records nothing, its confirmation POST does, then a comment revises it', async () => {
    const { claims, token: link } = token({ language: 'en' });
    const click = await fetch(devLinks(bed.url).pageUrl(link, 2));
    expect(click.status).toBe(200);
    const shown = await click.text();
    expect(shown).toContain('You chose 2. Press Send to save it');
    expect(shown).toContain('id="score-2" value="2" checked');
    expect(shown).toContain('data-confirm-score="2"');
    // What a mail scanner does (follow every link, several times) answers nothing (ADR 0018).
    for (let score = 0; score <= 10; score++)
      expect((await fetch(devLinks(bed.url).pageUrl(link, score))).status).toBe(200);
    const stored = () =>
      bed.db.query(`SELECT count(*)::int AS n FROM "${bed.schema}".responses WHERE survey_request_id = $1`, [
        claims.surveyRequestId,
      ]);
    expect((await stored()).rows[0].n).toBe(0);
    // What the page's script posts for a person's browser.
    const confirmed = await fetch(devLinks(bed.url).pageUrl(link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ score: '2' }),
    });
    expect(confirmed.status).toBe(200);
    expect((await stored()).rows[0].n).toBe(1);
    const form = await fetch(devLinks(bed.url).pageUrl(link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ score: '2', comment: 'Nobody answered my ticket' }),
    });
    expect(form.status).toBe(200);
    await drained();
    const first = await expectEventually(() => {
      const mine = received().filter((e) => e.message.surveyRequestId === claims.surveyRequestId);
      expect(mine).toHaveLength(1);
      return mine[0].message;
    });
    expect(first).toMatchObject({ score: 2, comment: '' });
    const revisions = await expectEventually(() => {
      const mine = revised()
        .filter((e) => e.message.responseId === first.responseId)
        .map((e) => e.message);
      expect(mine).toEqual([
        expect.objectContaining({ revision: 1, score: 2, previousScore: 2, customerId: claims.customerId }),
      ]);
      return mine;
    });
    expect(revisions[0].comment).toMatch(/^enc:v1:/);
    expect(await keyStore.text(claims.customerId, revisions[0].comment)).toBe('Nobody answered my ticket');
    expect(await keyStore.text(claims.customerId, revisions[0].maskedComment)).toBe('Nobody answered my ticket');
  });

  it('POST /survey-requests/:id/revoke: the link then answers nothing, on the page or the API', async () => {
    const { claims, token: link } = token({ language: 'nl' });
    const revoke = await post(
      `/survey-requests/${claims.surveyRequestId}/revoke`,
      { reason: 'wrong customer' },
      await bearer(bed.tokenFor('lena')),
    );
    expect(await revoke.json()).toEqual({ surveyRequestId: claims.surveyRequestId, newlyRevoked: true });
    const page = await fetch(devLinks(bed.url).pageUrl(link, 9));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Deze link is niet meer geldig');
    const api = await post(
      '/responses',
      { token: link, score: 9 },
      { 'Idempotency-Key': `k-${randomUUID()}`, ...(await writer()) },
    );
    expect(await api.json()).toMatchObject({ code: 'SURVEY_REVOKED' });
  });

  it('consumes survey expired: the link of an expired survey takes no answer', async () => {
    const { claims, token: link } = token({ language: 'de' });
    await bed.publish(
      Topics.SurveyExpired,
      anEvent(Topics.SurveyExpired, {
        customerId: claims.customerId,
        surveyRequestId: claims.surveyRequestId,
        channel: Channel.EMAIL,
        language: 'de',
      }),
    );
    await expectEventually(
      async () => {
        const page = await fetch(devLinks(bed.url).pageUrl(link));
        expect(page.status).toBe(400);
        expect(await page.text()).toContain('Die Umfrage ist abgelaufen');
      },
      { timeoutMs: 30000 },
    );
  });

  it('documents its HTTP API with OpenAPI at /docs and /docs-json', async () => {
    expect((await fetch(`${bed.url}/docs`)).status).toBe(200);
    const document = (await (await fetch(`${bed.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/responses', '/sms/inbound', '/imports', '/survey-requests/{id}/revoke']),
    );
    expect(JSON.stringify(document.paths['/responses'].post)).toContain('Idempotency-Key');
  });
});
