import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  Channel,
  deadLetterTopicOf,
  NpsCategory,
  OptOutSource,
  PromoterAction,
  PromoterDelivery,
  ResponseSource,
  Topics,
} from '@nps/contracts';
import {
  anEvent,
  anEventRecord,
  expectEventually,
  freePort,
  HttpReceiver,
  serviceBed,
  SmtpInbox,
  standardWebhookSignatureValid,
} from '@nps/testing';
import { randomUUID } from 'node:crypto';
import { csvOf } from './customer-rows.csv';

const DAY_MS = 24 * 60 * 60 * 1000;
const SECRET = 'whsec_' + Buffer.from('promoter-webhook-test-secret-0123').toString('base64');
const FAST_RETRIES = { SCHEDULER_POLL_MS: '100', SEND_RETRY_BACKOFF_MS: '200', PROMOTER_RETRY_MAX_BACKOFF_MS: '800' };
const REVIEW_BY_EMAIL = { PROMOTER_ACTION: 'review', PROMOTER_REVIEW_URL: 'https://reviews.test/write' };

// ResponseScored (promoter) → one thank-you / invitation per answer over real SMTP or a signed webhook, and one
// PromoterFollowedUp, however often the answer is delivered or revised. The consumer only claims the answer; the
// poller delivers, and waits out a provider outage instead of dead-lettering the record.
describe('promoter follow-up', () => {
  let smtp: SmtpInbox;
  let http: HttpReceiver;
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });
  const kafka = bed.probe(Topics.PromoterFollowedUp);

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    http = await HttpReceiver.start();
    await bed.start({ ...FAST_RETRIES, SMTP_URL: smtp.url, ...REVIEW_BY_EMAIL });
    const imported = await bed.post(
      '/customers/import',
      csvOf([
        { customer_id: 'anna', name: 'Anna de Vries', email: 'anna@example.nl', language: 'nl' },
        { customer_id: 'old', name: 'Olaf', email: 'olaf@example.de', language: 'de' },
        { customer_id: 'quiet', name: 'Quinn', email: 'quinn@example.com', opt_outs: 'email' },
        { customer_id: 'acme', name: 'ACME', email: 'buyer@acme.example', language: 'de' },
      ]),
      { contentType: 'text/csv', token: await bed.clientToken('customers-writer') },
    );
    expect(imported.body).toMatchObject({ imported: 4, rejected: 0 });
  }, 120000);

  afterAll(async () => {
    await smtp?.stop();
    await http?.stop();
  });

  const promoter = (
    customerId: string,
    overrides: Parameters<typeof anEvent<typeof Topics.ResponseScored.schema>>[1] = {},
  ) => anEvent(Topics.ResponseScored, { customerId, category: NpsCategory.PROMOTER, score: 9, ...overrides });
  const mailsFor = (responseId: string) =>
    smtp.messages.filter((mail) => mail.headers.get('x-response-id') === responseId);
  const followedUp = (responseId: string) =>
    kafka.events(Topics.PromoterFollowedUp).filter((seen) => seen.message.responseId === responseId);
  const rowOf = async (responseId: string) => {
    const [row] = await bed.rows<{ status: string; attempts: number; last_error: string | null }>(
      `SELECT status, attempts, last_error FROM "${bed.schema}".promoter_follow_ups WHERE response_id = $1`,
      [responseId],
    );
    return row;
  };
  const deadLetters = () => bed.topicSize({ ...Topics.ResponseScored, ...deadLetterTopicOf(Topics.ResponseScored) });

  it('emails a promoter once and publishes PromoterFollowedUp once, through redelivery, replay and a revision', async () => {
    const answer = promoter('anna');
    const record = anEventRecord(Topics.ResponseScored, answer);
    await bed.publishRecords([record, record]); // the same record twice: a redelivery
    await bed.publish(Topics.ResponseScored, [
      { ...answer, eventId: randomUUID() }, // a replay of scoring: same answer, new event id
      { ...answer, eventId: randomUUID(), revision: 1, score: 10 },
    ]);
    // Same key, same partition: once this later answer is followed up, everything before it was handled.
    const later = promoter('anna');
    await bed.publish(Topics.ResponseScored, later);
    await expectEventually(() => expect(mailsFor(later.responseId)).toHaveLength(1));
    await kafka.eventually(Topics.PromoterFollowedUp, (e) => e.responseId === later.responseId);
    await kafka.eventually(Topics.PromoterFollowedUp, (e) => e.responseId === answer.responseId);
    await bed.outboxDrained();

    expect(mailsFor(answer.responseId)).toHaveLength(1);
    const [mail] = mailsFor(answer.responseId);
    expect(mail.subject).toBe('Bedankt — wilt u uw ervaring delen?');
    expect(mail.html).toContain('<a href="https://reviews.test/write"');
    expect(mail.text).toContain('Beste Anna de Vries,');
    const events = followedUp(answer.responseId);
    expect(events).toHaveLength(1);
    expect(events[0].key).toBe('anna');
    expect(events[0].message).toMatchObject({
      customerId: 'anna',
      score: 9,
      action: PromoterAction.REVIEW_INVITATION,
      delivery: PromoterDelivery.EMAIL,
      target: 'promoter-review.nl',
    });
    expect(events[0].bytes.toString('latin1')).not.toContain('anna@example.nl');
    const rows = await bed.rows(
      `SELECT status, revision FROM "${bed.schema}".promoter_follow_ups WHERE response_id = $1`,
      [answer.responseId],
    );
    expect(rows).toEqual([{ status: 'done', revision: 0 }]);
  });

  it('gives an imported old promoter, a recovery re-survey, an email opt-out and a passive nothing', async () => {
    const imported = promoter('old', {
      source: ResponseSource.IMPORT,
      answeredAt: timestampFromDate(new Date(Date.now() - 200 * DAY_MS)),
    });
    const recovery = promoter('old', { recoveryOfResponseId: randomUUID() });
    const optedOut = promoter('quiet');
    const passive = promoter('old', { category: NpsCategory.PASSIVE, score: 8 });
    const requested = promoter('old', {
      source: ResponseSource.IMPORT,
      answeredAt: timestampFromDate(new Date(Date.now() - 200 * DAY_MS)),
      followUpRequested: true,
    });
    await bed.publish(Topics.ResponseScored, [optedOut, imported, recovery, passive, requested]);
    // The import that asked for a follow-up gets one; it comes last on old's partition.
    await expectEventually(() => expect(mailsFor(requested.responseId)).toHaveLength(1));
    await kafka.eventually(Topics.PromoterFollowedUp, (e) => e.responseId === requested.responseId);
    await expectEventually(async () => {
      const rows = await bed.rows(
        `SELECT response_id FROM "${bed.schema}".promoter_follow_ups WHERE customer_id = 'quiet'`,
      );
      expect(rows).toHaveLength(1);
    });

    for (const quiet of [imported, recovery, optedOut, passive]) {
      expect(mailsFor(quiet.responseId)).toHaveLength(0);
      expect(followedUp(quiet.responseId)).toHaveLength(0);
    }
    expect(smtp.to('quinn@example.com')).toHaveLength(0);
    const reasons = await bed.rows<{ response_id: string; status: string; reason: string }>(
      `SELECT response_id, status, reason FROM "${bed.schema}".promoter_follow_ups WHERE customer_id IN ('old', 'quiet')`,
    );
    expect(reasons).toEqual(
      expect.arrayContaining([
        { response_id: imported.responseId, status: 'skipped', reason: 'IMPORTED_HISTORY' },
        { response_id: recovery.responseId, status: 'skipped', reason: 'RECOVERY_RESURVEY' },
        { response_id: optedOut.responseId, status: 'skipped', reason: 'OPTED_OUT_CHANNEL' },
        { response_id: requested.responseId, status: 'done', reason: null },
      ]),
    );
    expect(reasons.map((row) => row.response_id)).not.toContain(passive.responseId);
  });

  it('holds a promoter of a customer nobody imported yet until an import brings them, and skips one whose hold ends (ADR 0070)', async () => {
    const newcomer = promoter('newcomer');
    const stranger = promoter('stranger');
    await bed.publish(Topics.ResponseScored, [newcomer, stranger]);
    const held = () =>
      bed.rows<{ customer_id: string; status: string; reason: string | null; held: boolean }>(
        `SELECT customer_id, status, reason, held_until > now() AS held FROM "${bed.schema}".promoter_follow_ups
         WHERE customer_id IN ('newcomer', 'stranger') ORDER BY customer_id`,
      );
    await expectEventually(async () =>
      expect(await held()).toEqual([
        { customer_id: 'newcomer', status: 'pending', reason: null, held: true },
        { customer_id: 'stranger', status: 'pending', reason: null, held: true },
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // five poll rounds: nothing is due yet
    expect(mailsFor(newcomer.responseId)).toHaveLength(0);

    const imported = await bed.post(
      '/customers/import',
      csvOf([{ customer_id: 'newcomer', name: 'Nina', email: 'nina@example.com', language: 'en' }]),
      { contentType: 'text/csv', token: await bed.clientToken('customers-writer') },
    );
    expect(imported.body).toMatchObject({ imported: 1 });
    await expectEventually(() => expect(mailsFor(newcomer.responseId)).toHaveLength(1));
    await kafka.eventually(Topics.PromoterFollowedUp, (e) => e.responseId === newcomer.responseId);
    expect(mailsFor(newcomer.responseId)[0].text).toContain('Nina');

    // The hold ends (UNKNOWN_CUSTOMER_HOLD_MS, two days by default) with no import that brings the stranger.
    await bed.db.query(
      `UPDATE "${bed.schema}".promoter_follow_ups SET held_until = now(), next_attempt_at = now()
       WHERE customer_id = 'stranger'`,
    );
    await expectEventually(async () => {
      const [row] = await bed.rows<{ status: string; reason: string; detail: string }>(
        `SELECT status, reason, detail FROM "${bed.schema}".promoter_follow_ups WHERE response_id = $1`,
        [stranger.responseId],
      );
      expect(row).toMatchObject({ status: 'skipped', reason: 'UNKNOWN_CUSTOMER' });
      expect(row.detail).toContain('no CRM import brought the customer by');
    });
    expect(mailsFor(stranger.responseId)).toHaveLength(0);
    expect(followedUp(stranger.responseId)).toHaveLength(0);
  });

  it('keeps a promoter answer pending while the mail server is down and emails it once when it is back', async () => {
    const port = await freePort();
    await bed.restart({ ...FAST_RETRIES, SMTP_URL: `smtp://127.0.0.1:${port}`, ...REVIEW_BY_EMAIL });
    const answer = promoter('anna');
    const record = anEventRecord(Topics.ResponseScored, answer);
    await bed.publishRecords([record, record]);
    await bed.publish(Topics.ResponseScored, { ...answer, eventId: randomUUID(), revision: 1, score: 10 });
    // Several failed attempts later the record is long consumed: it was claimed, not retried by the consumer.
    await expectEventually(
      async () => {
        const row = await rowOf(answer.responseId);
        expect(row).toMatchObject({ status: 'pending', last_error: expect.stringMatching(/ECONN/) });
        expect(row.attempts).toBeGreaterThanOrEqual(4);
      },
      { timeoutMs: 30000 },
    );
    expect(await deadLetters()).toBe(0);
    expect(followedUp(answer.responseId)).toHaveLength(0);

    const back = await SmtpInbox.start(port);
    try {
      const arrived = () => back.messages.filter((mail) => mail.headers.get('x-response-id') === answer.responseId);
      await expectEventually(() => expect(arrived()).toHaveLength(1), { timeoutMs: 30000 });
      await kafka.eventually(Topics.PromoterFollowedUp, (e) => e.responseId === answer.responseId);
      await bed.outboxDrained();
      const row = await rowOf(answer.responseId);
      expect(row.status).toBe('done');
      expect(row.attempts).toBeGreaterThanOrEqual(4);
      // Two more poll rounds: nothing is sent or published again.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(arrived()).toHaveLength(1);
      expect(arrived()[0].subject).toBe('Bedankt — wilt u uw ervaring delen?');
      expect(followedUp(answer.responseId)).toHaveLength(1);
      expect(followedUp(answer.responseId)[0].message).toMatchObject({ score: 9, target: 'promoter-review.nl' });
      expect(await deadLetters()).toBe(0);
    } finally {
      await back.stop();
    }
  });

  it('posts a signed referral invitation to the promoter webhook once, retrying a 503', async () => {
    await bed.restart({
      ...FAST_RETRIES,
      SMTP_URL: smtp.url,
      PROMOTER_ACTION: 'referral',
      PROMOTER_DELIVERY: 'webhook',
      PROMOTER_WEBHOOK_URL: http.url('/referrals'),
      PROMOTER_WEBHOOK_SECRET: SECRET,
      PROMOTER_REFERRAL_URL: 'https://refer.test/start',
    });
    http.respondWith(503);
    const answer = promoter('acme', { score: 10 });
    const record = anEventRecord(Topics.ResponseScored, answer);
    await bed.publishRecords([record, record]);
    await bed.publish(Topics.ResponseScored, { ...answer, eventId: randomUUID(), revision: 1 });
    const later = promoter('acme');
    await bed.publish(Topics.ResponseScored, later);
    await kafka.eventually(Topics.PromoterFollowedUp, (e) => e.responseId === later.responseId);
    // The 503 put the answer back with a backoff: the poller delivers it on a later round, after `later`.
    await kafka.eventually(Topics.PromoterFollowedUp, (e) => e.responseId === answer.responseId);
    await bed.outboxDrained();

    const calls = http.requests.filter((request) => request.path === '/referrals');
    const forAnswer = calls.filter((request) => JSON.parse(request.body).responseId === answer.responseId);
    expect(forAnswer.map((request) => request.headers['webhook-id'])).toEqual([answer.responseId, answer.responseId]);
    const delivered = forAnswer[1];
    expect(standardWebhookSignatureValid(SECRET, delivered.headers, delivered.body)).toBe(true);
    expect(standardWebhookSignatureValid(SECRET, delivered.headers, delivered.body.replace('10', '11'))).toBe(false);
    expect(JSON.parse(delivered.body)).toEqual({
      type: 'nps.promoter.follow-up',
      responseId: answer.responseId,
      customerId: 'acme',
      action: 'referral',
      score: 10,
      language: 'de',
      answeredAt: expect.any(String),
      link: 'https://refer.test/start',
    });
    expect(delivered.body).not.toContain('buyer@acme.example');
    expect(mailsFor(answer.responseId)).toHaveLength(0);
    const events = followedUp(answer.responseId);
    expect(events).toHaveLength(1);
    expect(events[0].message).toMatchObject({
      action: PromoterAction.REFERRAL_INVITATION,
      delivery: PromoterDelivery.WEBHOOK,
      target: `webhook:${new URL(http.url()).host}`,
    });
    expect(await rowOf(answer.responseId)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await deadLetters()).toBe(0);
  });
  it('skips a promoter who unsubscribed themselves, though the CRM says they may be contacted (ADR 0034)', async () => {
    await bed.publish(
      Topics.ContactOptedOut,
      anEvent(Topics.ContactOptedOut, {
        customerId: 'anna',
        channel: Channel.UNSPECIFIED,
        source: OptOutSource.ONE_CLICK,
      }),
    );
    // The opt-out and the answer travel on different topics: the answer comes once the opt-out is recorded.
    await expectEventually(async () =>
      expect(await bed.rows(`SELECT 1 FROM "${bed.schema}".customer_opt_outs WHERE customer_id = 'anna'`)).toHaveLength(
        1,
      ),
    );
    const unsubscribed = promoter('anna');
    await bed.publish(Topics.ResponseScored, unsubscribed);

    await expectEventually(async () => {
      const [row] = await bed.rows<{ status: string; reason: string }>(
        `SELECT status, reason FROM "${bed.schema}".promoter_follow_ups WHERE response_id = $1`,
        [unsubscribed.responseId],
      );
      expect(row).toEqual({ status: 'skipped', reason: 'OPTED_OUT' });
    });
    expect(mailsFor(unsubscribed.responseId)).toHaveLength(0);
  });
});
