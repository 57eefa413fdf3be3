import { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Channel, SurveyFailureReason, Topics } from '@nps/contracts';
import { SurveyLinks } from '@nps/survey-links';
import { anEvent, expectEventually, HttpReceiver, serviceBed, SmtpInbox } from '@nps/testing';
import { randomUUID } from 'node:crypto';
import { csvOf } from './customer-rows.csv';

const KEYS = 'k-new:new-secret-0123456789abcdef,k-old:old-secret-0123456789abcdef';
const PAGE = 'http://survey.test:3002';

// Touchpoint → survey request → delivery over real SMTP and HTTP, retries, SurveyDispatched/SurveyFailed on Kafka.
describe('survey delivery', () => {
  let smtp: SmtpInbox;
  let http: HttpReceiver;
  let elsewhere: HttpReceiver;
  const links = new SurveyLinks(KEYS, PAGE);
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });
  const kafka = bed.probe(Topics.SurveyDispatched, Topics.SurveyFailed);
  let env: Record<string, string>;

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    http = await HttpReceiver.start();
    elsewhere = await HttpReceiver.start();
    env = {
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: http.url('/sms'),
      SURVEY_LINK_KEYS: KEYS,
      SURVEY_PAGE_URL: PAGE,
      QUIET_HOURS: 'off',
      SEND_MAX_ATTEMPTS: '3',
      SEND_RETRY_BACKOFF_MS: '200',
    };
    await bed.start(env);
    const imported = await bed.post(
      '/customers/import',
      csvOf([
        { customer_id: 'anna', name: 'Anna de Vries', email: 'anna@example.nl', phone: '+31612345678', language: 'nl' },
        { customer_id: 'sam', name: 'Sam', phone: '+447700900123', language: 'en', preferred_channel: 'sms' },
        { customer_id: 'acme', name: 'ACME GmbH', language: 'de', webhook_url: http.url('/hooks/acme') },
        { customer_id: 'busy', name: 'Busy', email: 'busy@example.com' },
        { customer_id: 'down', name: 'Down', webhook_url: http.url('/down') },
        { customer_id: 'wrong', name: 'Wrong', webhook_url: http.url('/rejects') },
        { customer_id: 'moved', name: 'Moved', webhook_url: http.url('/moved') },
      ]),
      { contentType: 'text/csv', token: await bed.clientToken('customers-writer') },
    );
    expect(imported.body).toMatchObject({ imported: 7, rejected: 0 });
  }, 120000);

  afterAll(async () => {
    await smtp?.stop();
    await http?.stop();
    await elsewhere?.stop();
  });

  /** JSON bodies POSTed to `path` of the receiver. */
  const posted = (path: string) =>
    http.requests
      .filter((request) => request.path === path)
      .map((request) => JSON.parse(request.body) as Record<string, unknown>);
  const touchpoint = (customerId: string, touchpointId: string = randomUUID()) =>
    bed.publish(
      Topics.TouchpointRecorded,
      anEvent(Topics.TouchpointRecorded, { customerId, touchpointId, attributes: { order_value: '129.90' } }),
    );

  it('emails the survey in Dutch with the 0-10 scale as signed links to the survey page, and publishes SurveyDispatched without contact data', async () => {
    await touchpoint('anna', 'order-77');

    const [mail] = await expectEventually(() => {
      const mails = smtp.to('anna@example.nl');
      expect(mails).toHaveLength(1);
      return mails;
    });
    const [dispatched] = await kafka.eventually(Topics.SurveyDispatched, (e) => e.customerId === 'anna');

    expect(mail.subject).toBe('Hoe waarschijnlijk is het dat u ons aanbeveelt?');
    const hrefs = [...String(mail.html).matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]);
    // 0-10, the survey page, and the unsubscribe page last (ADR 0034).
    expect(hrefs).toHaveLength(13);
    expect(hrefs[12]).toMatch(new RegExp(`^${PAGE}/s/unsubscribe/k-new\\.[A-Za-z0-9_.-]+$`));
    for (const [score, href] of hrefs.slice(0, 11).entries()) {
      expect(href).toMatch(new RegExp(`^${PAGE}/s/k-new\\.[A-Za-z0-9_.-]+\\?score=${score}$`));
      expect(mail.text).toContain(href);
    }
    const token = new URL(hrefs[11]).pathname.replace('/s/', '');
    expect(hrefs[11]).toBe(`${PAGE}/s/${token}`);
    const claims = links.verify(token);
    expect(claims).toEqual({
      surveyRequestId: dispatched.message.surveyRequestId,
      customerId: 'anna',
      touchpointId: 'order-77',
      touchpointType: 'order-delivered',
      channel: Channel.EMAIL,
      language: 'nl',
      expiresAt: timestampDate(dispatched.message.expiresAt ?? timestampFromDate(new Date(0))),
    });
    expect(dispatched.message).toMatchObject({ touchpointId: 'order-77', channel: Channel.EMAIL, language: 'nl' });
    // After the next rotation k-new signs no more, but links in flight keep working until it is removed.
    const rotated = new SurveyLinks(`k-next:next-secret-0123456789abcdef,${KEYS}`, PAGE);
    expect(rotated.verify(token).surveyRequestId).toBe(dispatched.message.surveyRequestId);
    expect(() => new SurveyLinks('k-next:next-secret-0123456789abcdef', PAGE).verify(token)).toThrow(/not configured/);
    expect(dispatched.bytes.toString('latin1')).not.toMatch(/anna@example\.nl|612345678/);
  });

  it('sends an SMS through the gateway to customers who prefer it', async () => {
    await touchpoint('sam');

    const [sms] = await expectEventually(() => {
      expect(posted('/sms')).toHaveLength(1);
      return posted('/sms');
    });
    expect(sms).toMatchObject({
      to: '+447700900123',
      kind: 'survey',
      messageRef: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
    const url = /(http\S+)/.exec(String(sms.text))?.[1] ?? '';
    expect(links.verify(url.replace(`${PAGE}/s/`, '')).customerId).toBe('sam');
    await kafka.eventually(Topics.SurveyDispatched, (e) => e.customerId === 'sam' && e.channel === Channel.SMS);
  });

  it("posts the survey to a B2B customer's webhook with every score link", async () => {
    await touchpoint('acme', 'ticket-9');

    const [hook] = await expectEventually(() => {
      expect(posted('/hooks/acme')).toHaveLength(1);
      return posted('/hooks/acme');
    });
    expect(hook).toMatchObject({
      type: 'nps.survey',
      customerId: 'acme',
      touchpointId: 'ticket-9',
      language: 'de',
      channel: 'webhook',
    });
    expect(hook.scoreUrls).toHaveLength(11);
    expect(links.verify(String(hook.surveyUrl).replace(`${PAGE}/s/`, '')).channel).toBe(Channel.WEBHOOK);
  });

  it('retries a temporarily refused email with backoff and sends it once', async () => {
    smtp.refuseNext(2);
    await touchpoint('busy');

    await expectEventually(() => expect(smtp.to('busy@example.com')).toHaveLength(1));
    await kafka.eventually(Topics.SurveyDispatched, (e) => e.customerId === 'busy');
    const [request] = await bed.get<{ status: string; attempts: number }[]>('/survey-requests?customerId=busy', {
      token: await bed.tokenFor('adam'),
    });
    expect(request.status).toBe('sent');
    expect(smtp.to('busy@example.com')).toHaveLength(1);
  });

  // What a provider answers is theirs (stack traces, internal host names, other customers' data):
  // only the status reaches the event and GET /survey-requests (issue 13, item 5).
  const remoteBody = 'upstream db-7.internal:5432 refused; stack at /srv/app.js:12';
  const lastErrorOf = async (customerId: string) =>
    (
      await bed.get<{ lastError: string | null }[]>(`/survey-requests?customerId=${customerId}`, {
        token: await bed.tokenFor('adam'),
      })
    )[0].lastError;

  it('gives up after SEND_MAX_ATTEMPTS transient failures and publishes SurveyFailed with the reason', async () => {
    http.respondWith(...[1, 2, 3].map(() => ({ status: 503, body: remoteBody })));
    await touchpoint('down');

    const [failed] = await kafka.eventually(Topics.SurveyFailed, (e) => e.customerId === 'down');
    expect(failed.message).toMatchObject({
      reason: SurveyFailureReason.PROVIDER_UNAVAILABLE,
      attempts: 3,
      channel: Channel.WEBHOOK,
      detail: 'HTTP 503',
    });
    expect(await lastErrorOf('down')).toBe('HTTP 503');
    expect(posted('/down')).toHaveLength(3);
    expect(kafka.events(Topics.SurveyDispatched).filter((e) => e.message.customerId === 'down')).toHaveLength(0);
  });

  it('fails at once, without retrying, when the provider rejects the request, and shows none of its answer', async () => {
    http.respondWith({ status: 400, body: remoteBody });
    await touchpoint('wrong');

    const [failed] = await kafka.eventually(Topics.SurveyFailed, (e) => e.customerId === 'wrong');
    expect(failed.message).toMatchObject({
      reason: SurveyFailureReason.INVALID_ADDRESS,
      attempts: 1,
      detail: 'HTTP 400',
    });
    expect(await lastErrorOf('wrong')).toBe('HTTP 400');
    expect(failed.bytes.toString('latin1')).not.toContain('db-7.internal');
    expect(posted('/rejects')).toHaveLength(1);
  });

  it('does not follow a redirect, not even to an address it may call: the survey fails, the target sees nothing', async () => {
    http.respondWith({ status: 302, headers: { location: elsewhere.url('/internal/admin') }, body: remoteBody });
    await touchpoint('moved');

    const [failed] = await kafka.eventually(Topics.SurveyFailed, (e) => e.customerId === 'moved');
    expect(failed.message).toMatchObject({
      reason: SurveyFailureReason.REJECTED_BY_PROVIDER,
      attempts: 1,
      detail: 'HTTP 302: redirects are not followed',
    });
    expect(await lastErrorOf('moved')).toBe('HTTP 302: redirects are not followed');
    expect(posted('/moved')).toHaveLength(1);
    expect(elsewhere.connections).toBe(0);
  });

  // Last: a second instance joins the same schema. Every due survey is claimed by one of them
  // (FOR UPDATE SKIP LOCKED), so each goes out once.
  it('with two instances, sends each of 30 surveys exactly once; both drain and exit 0 on SIGTERM', async () => {
    const other = (await bed.start(env)).process;
    const ids = Array.from({ length: 30 }, (_, n) => `multi-${n}`);
    const ours = (customerId: string) => customerId.startsWith('multi-');
    await bed.post('/customers/import', csvOf(ids.map((id) => ({ customer_id: id, email: `${id}@example.com` }))), {
      contentType: 'text/csv',
      token: await bed.clientToken('customers-writer'),
    });
    for (const customerId of ids) await touchpoint(customerId);

    await kafka.eventually(Topics.SurveyDispatched, (e) => ours(e.customerId), ids.length, 60000);
    // Once no send is pending and the outbox is empty, nothing more can arrive: then count.
    await expectEventually(async () => {
      const pending = await bed.db.query(
        `SELECT (SELECT count(*) FROM "${bed.schema}".survey_requests WHERE next_action = 'send')::int AS sends, (SELECT count(*) FROM "${bed.schema}".outbox)::int AS outbox`,
      );
      expect(pending.rows[0]).toEqual({ sends: 0, outbox: 0 });
    });
    const mails = ids.flatMap((id) => smtp.to(`${id}@example.com`));
    expect(mails).toHaveLength(ids.length);
    expect(new Set(mails.map((mail) => mail.headers.get('x-survey-request-id'))).size).toBe(ids.length);
    expect(kafka.events(Topics.SurveyDispatched).filter((e) => ours(e.message.customerId))).toHaveLength(ids.length);

    expect(await Promise.all([bed.process.stop('SIGTERM'), other.stop('SIGTERM')])).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
  });
});
