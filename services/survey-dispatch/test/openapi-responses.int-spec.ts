import { callJson, expectEventually, OpenApiAnswers, serviceBed, SmtpInbox } from '@nps/testing';
import { csvOf } from './customer-rows.csv';
import { zoneAtLocalHour } from './local-hour.zone';

// Every route that answers JSON, called for real; each answer must match the schema /docs-json declares for its status.
describe('answers of the survey-dispatch API against their OpenAPI schemas', () => {
  let smtp: SmtpInbox;
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });
  let api: OpenApiAnswers;
  let writer: string;
  let sender: string;
  let lead: string;
  let admin: string;

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    await bed.start({ SMTP_URL: smtp.url, CONTACT_CAP_DAYS: '30', QUIET_HOURS: '21:00-08:00' });
    writer = await bed.clientToken('customers-writer');
    sender = await bed.clientToken('survey-sender');
    lead = await bed.tokenFor('lena');
    admin = await bed.tokenFor('adam');
    api = await OpenApiAnswers.of(bed.url);
  }, 120000);

  afterAll(() => smtp?.stop());

  it('customer import: JSON through the checked call, CSV (which it cannot send) against the same schema', async () => {
    const json = await api.call(writer, 'POST /customers/import', {
      body: [
        {
          customerId: 'oa-day',
          name: 'Anna de Vries',
          email: 'anna.oa@example.nl',
          language: 'nl',
          segment: 'consumer',
          tier: 'gold',
          timeZone: zoneAtLocalHour(12),
          attributes: { plan: 'yearly' },
        },
        { customerId: 'oa-bad', email: 'not-an-email', language: 'fr' },
      ],
    });
    // A rejected row, so the schema of a problem is checked, not skipped over an empty list.
    expect(json.body).toMatchObject({
      rows: 2,
      imported: 1,
      rejected: 1,
      erased: 0,
      problems: [
        { line: 2, field: 'email' },
        { line: 2, field: 'language' },
      ],
    });

    const csv = await bed.post(
      '/customers/import',
      csvOf([
        { customer_id: 'oa-night', name: 'Otto Uil', email: 'owl.oa@example.com', time_zone: zoneAtLocalHour(3) },
        { customer_id: 'oa-out', email: 'out.oa@example.com', opt_outs: 'all', time_zone: zoneAtLocalHour(12) },
        {
          customer_id: 'oa-gone',
          name: 'Greta Gone',
          email: 'gone.oa@example.com',
          phone: '+31612345678',
          'attr.plan': 'monthly',
        },
        { customer_id: '', email: 'nobody.oa@example.com' },
      ]),
      { contentType: 'text/csv', token: writer },
    );
    expect(api.check('POST /customers/import', csv)).toMatchObject({
      status: 200,
      body: { rows: 4, imported: 3, rejected: 1 },
    });
  }, 120000);

  it('ad-hoc surveys: scheduled and sent, deferred by quiet hours, suppressed; then requests and suppressions', async () => {
    const scheduled = await api.call(sender, 'POST /surveys', {
      body: { customerId: 'oa-day', touchpointType: 'account-review', touchpointId: 'oa-review-1' },
    });
    expect(scheduled.body).toMatchObject({
      outcome: 'scheduled',
      channel: 'email',
      surveyRequestId: expect.any(String),
    });
    const deferred = await api.call(sender, 'POST /surveys', {
      body: { customerId: 'oa-night', touchpointType: 'account-review', channel: 'email', attributes: { plan: 'x' } },
    });
    expect(deferred.body).toMatchObject({ outcome: 'deferred', reason: 'QUIET_HOURS', dueAt: expect.any(String) });
    const capped = await api.call(sender, 'POST /surveys', {
      body: { customerId: 'oa-day', touchpointType: 'account-review' },
    });
    expect(capped.body).toEqual({
      outcome: 'suppressed',
      reason: 'FREQUENCY_CAP',
      detail: 'already surveyed within 30 days',
    });
    const optedOut = await api.call(sender, 'POST /surveys', {
      body: { customerId: 'oa-out', touchpointType: 'account-review' },
    });
    expect(optedOut.body).toMatchObject({ outcome: 'suppressed', reason: 'OPTED_OUT' });

    // Sent, so the times of a sent request are checked, not only the nulls of a scheduled one.
    await smtp.waitFor('anna.oa@example.nl');
    await expectEventually(async () => {
      const { body } = await callJson(bed.url, 'GET', '/survey-requests?customerId=oa-day', lead);
      expect(body).toMatchObject([{ status: 'sent' }]);
    });
    const sent = await api.call(lead, 'GET /survey-requests', { query: '?customerId=oa-day' });
    expect(sent.body).toMatchObject([
      { touchpointId: 'oa-review-1', origin: 'api', status: 'sent', sentAt: expect.any(String) },
    ]);
    const waiting = await api.call(admin, 'GET /survey-requests', { query: '?customerId=oa-night' });
    expect(waiting.body).toMatchObject([{ id: deferred.body.surveyRequestId, status: 'scheduled', sentAt: null }]);
    expect((await api.call(lead, 'GET /survey-requests', { query: '?customerId=oa-out' })).body).toEqual([]);

    const suppressed = await api.call(lead, 'GET /suppressions', { query: '?customerId=oa-day' });
    expect(suppressed.body).toMatchObject([
      { outcome: 'suppressed', reason: 'FREQUENCY_CAP', deferredUntil: null, surveyRequestId: null },
    ]);
    const night = await api.call(admin, 'GET /suppressions', { query: '?customerId=oa-night' });
    expect(night.body).toMatchObject([
      { outcome: 'deferred', reason: 'QUIET_HOURS', surveyRequestId: deferred.body.surveyRequestId },
    ]);
    expect((await api.call(lead, 'GET /suppressions', { query: '?customerId=oa-nobody' })).body).toEqual([]);
  }, 120000);

  it('erasure: a customer erased, then erased again, and an import that skips the erased one', async () => {
    const erased = await api.call(admin, 'POST /customers/{customerId}/erase', { params: { customerId: 'oa-gone' } });
    expect(erased.body).toMatchObject({ customerId: 'oa-gone', keyDeleted: true, rows: { customers: 1 } });
    const again = await api.call(admin, 'POST /customers/{customerId}/erase', { params: { customerId: 'oa-gone' } });
    expect(again.body).toMatchObject({ erasedAt: erased.body.erasedAt, keyDeleted: false });

    const skipped = await api.call(writer, 'POST /customers/import', {
      body: [{ customerId: 'oa-gone', email: 'gone.oa@example.com' }],
    });
    expect(skipped.body).toEqual({ rows: 1, imported: 0, rejected: 0, erased: 1, problems: [] });
  }, 120000);

  it('called every route that answers JSON', () => {
    expect(api.uncalled()).toEqual([]);
  });
});
