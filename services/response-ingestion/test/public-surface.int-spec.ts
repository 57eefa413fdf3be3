import { Channel } from '@nps/contracts';
import { serviceBed } from '@nps/testing';
import { smsSignature } from '../src/sms/sms-signature.verifier';
import { historicalAnswersCsv } from './import-rows.builder';
import { aSurveyLink, devLinks } from './survey-link.fixtures';

const SMS_SECRET = 'local-development-only-sms-webhook-secret';

// The hardened public surface of the service process (docs/security.md, Public surface).
describe('public surface', () => {
  const bed = serviceBed({
    service: 'response-ingestion',
    env: { IMPORT_MAX_ROWS: '50', IMPORT_MAX_BYTES: '8000' },
  });
  const pageOf = (claims = aSurveyLink({ language: 'en' })) =>
    devLinks(bed.url).pageUrl(devLinks(bed.url).sign(claims));

  it('sends security headers on every response and a strict policy without inline script on the survey page', async () => {
    const page = await fetch(pageOf());
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)|<style|\sstyle=|\son[a-z]+=/i);
    for (const response of [page, await fetch(`${bed.url}/health/ready`), await fetch(`${bed.url}/docs-json`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security')).toBeNull(); // off unless configured
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
    const css = await fetch(`${bed.url}/survey-assets/survey-page.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await fetch(`${bed.url}/survey-assets/..%2Fsurvey-page.controller.ts`)).status).toBe(404);
  });

  it('sends HSTS once HTTP_HSTS_MAX_AGE_SECONDS is set, as production behind https does', async () => {
    const second = await bed.start({ HTTP_HSTS_MAX_AGE_SECONDS: '31536000' });
    try {
      const page = await fetch(`${second.url}/health/ready`);
      expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await second.process.stop('SIGTERM');
    }
  });

  it('takes an SMS reply only with the gateway signature of its exact bytes: anything else is a 401 problem', async () => {
    const body = JSON.stringify({
      messageRef: devLinks(bed.url).sign(aSurveyLink({ channel: Channel.SMS })),
      text: '8 prima',
    });
    const send = (headers: Record<string, string>, raw = body) =>
      fetch(`${bed.url}/sms/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: raw,
      });
    const signed = smsSignature(SMS_SECRET, body);
    for (const refused of [
      await send({}),
      await send({ 'x-signature': 'sha256=' + '0'.repeat(64) }),
      await send({ 'x-signature': smsSignature('not-the-shared-secret', body) }),
      await send({ 'x-signature': signed }, body.replace('8 prima', '0 prima')), // tampered in transit
      await send({ 'x-signature': signed.slice(7) }), // bare hex, no scheme
    ]) {
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await refused.json()).toMatchObject({ status: 401, code: 'SMS_SIGNATURE_INVALID' });
    }
    const accepted = await send({ 'x-signature': signed });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ outcome: 'received', score: 8, comment: 'prima' });
  });

  it('answers a body over HTTP_BODY_LIMIT_BYTES (100 KiB by default) with a 413 problem, on every route', async () => {
    const huge = 'x'.repeat(200 * 1024);
    for (const [path, type, body] of [
      ['/responses', 'application/json', JSON.stringify({ token: 't', score: 9, comment: huge })],
      ['/sms/inbound', 'application/json', JSON.stringify({ messageRef: 't', text: huge })],
      [new URL(pageOf()).pathname, 'application/x-www-form-urlencoded', `score=9&comment=${huge}`],
      ['/imports?importId=huge-json', 'application/json', JSON.stringify([{ comment: huge }])],
    ]) {
      const response = await fetch(`${bed.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
      expect([path, response.status]).toEqual([path, 413]);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    }
  });

  it('caps imports by rows and bytes (IMPORT_MAX_ROWS, IMPORT_MAX_BYTES) with a 413 problem, declared or streamed', async () => {
    const stored = async (importId: string) =>
      (await bed.db.query(`SELECT count(*)::int AS n FROM "${bed.schema}".responses WHERE import_id = $1`, [importId]))
        .rows[0].n;
    const authorization = `Bearer ${await bed.clientToken('importer')}`;
    const post = (importId: string, body: string | ReadableStream<Uint8Array>) =>
      fetch(`${bed.url}/imports?importId=${importId}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization },
        body,
        duplex: 'half',
      } as RequestInit);
    const small = historicalAnswersCsv(20, 1000).csv;
    expect((await post('caps-small', small)).status).toBe(200);
    expect(await stored('caps-small')).toBe(20);

    const refusals = [
      ['caps-rows', historicalAnswersCsv(60, 1000).csv.slice(0, 7900)], // 60 short rows under 8,000 bytes
      ['caps-declared', historicalAnswersCsv(200, 1000).csv], // Content-Length over 8,000 bytes
      ['caps-streamed', chunked(historicalAnswersCsv(200, 1000).csv)], // no Content-Length
    ] as const;
    for (const [importId, body] of refusals) {
      const response = await post(importId, body);
      expect([importId, response.status]).toEqual([importId, 413]);
      expect(await response.json()).toMatchObject({ status: 413, code: 'IMPORT_TOO_LARGE' });
    }
    expect(await stored('caps-declared')).toBe(0);
  });
});

describe('public rate limits', () => {
  const bed = serviceBed({ service: 'response-ingestion', autoStart: false });
  // Two instances on one schema: the counters live in Postgres, so the limit holds across them.
  const limited = {
    RATE_LIMIT_PER_SUBJECT: '4',
    RATE_LIMIT_ANSWERS_PER_CLIENT: '4',
    RATE_LIMIT_PER_ADDRESS: '6',
    HTTP_TRUSTED_PROXY_HOPS: '1',
  };
  let urls: string[] = [];
  beforeAll(async () => {
    urls = [(await bed.start(limited)).url, (await bed.start(limited)).url];
  }, 180000);
  // Each call a client address of its own (trusted X-Forwarded-For), so the budgets do not mix. Counted, not
  // random: a random address could be one an earlier request had already spent, and draw a 429.
  let addresses = 0;
  const from = () => ({ 'x-forwarded-for': `198.51.100.${++addresses}` });

  async function expectTooMany(response: Response) {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
  }

  it('limits one survey link across instances (GET and POST count together): the 5th request gets 429 with Retry-After', async () => {
    const page = devLinks(urls[0]).pageUrl(devLinks(urls[0]).sign(aSurveyLink({ language: 'en' })));
    const path = new URL(page).pathname;
    const headers = { ...from() };
    const statuses = [
      (await fetch(`${urls[0]}${path}`, { headers })).status,
      (await fetch(`${urls[1]}${path}?score=3`, { headers })).status,
      (await fetch(`${urls[0]}${path}`, { headers })).status,
      (
        await fetch(`${urls[1]}${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'score=3',
        })
      ).status,
    ];
    expect(statuses).toEqual([200, 200, 200, 200]);
    await expectTooMany(await fetch(`${urls[0]}${path}`, { headers: from() })); // another address, same link
  });

  it('limits one client address per surface, and one verified client on POST /responses whatever token it sends', async () => {
    const headers = { ...from(), 'content-type': 'application/json', 'idempotency-key': 'k-rate-limit-1' };
    const answer = (url: string, extra: Record<string, string> = {}) =>
      fetch(`${url}/responses`, {
        method: 'POST',
        headers: { ...headers, ...extra },
        body: JSON.stringify({ token: `not-a-token-${Math.random()}`, score: 5 }),
      });
    // The limits count before authentication, so an address that sends no token is limited too.
    for (let i = 0; i < 6; i++) expect((await answer(urls[i % 2])).status).toBe(401);
    await expectTooMany(await answer(urls[0]));
    // A batch is the same surface: it draws on the same budget of the address.
    const batch = await fetch(`${urls[1]}/responses/batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ answers: [{ idempotencyKey: 'k-rate-limit-2', customerId: 'c-1', score: 5 }] }),
    });
    await expectTooMany(batch);
    // The survey page is another surface with its own budget for the same address.
    expect((await fetch(`${urls[0]}/s/not-a-token`, { headers })).status).toBe(400);

    // Counted after authentication: two tokens of one client draw on one budget, from any address.
    const tokens = [
      await bed.clientToken('responses-writer'),
      await bed.clientToken('responses-writer', ['responses:write']),
    ];
    expect(tokens[0]).not.toBe(tokens[1]);
    const bearer = (i: number) => ({ ...from(), authorization: `Bearer ${tokens[i % 2]}` });
    // A forged token is refused before it counts: the client's budget stays whole.
    expect((await answer(urls[0], { ...from(), authorization: `Bearer ${tokens[0]}x` })).status).toBe(401);
    for (let i = 0; i < 4; i++) expect((await answer(urls[i % 2], bearer(i))).status).toBe(400);
    await expectTooMany(await answer(urls[1], bearer(1)));
  });
});

/** `text` as a request body stream of 1 KiB chunks, so no Content-Length is declared. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 1024));
      offset += 1024;
    },
  });
}
