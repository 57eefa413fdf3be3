import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, SmtpInbox } from '@nps/testing';
import { DateTime } from 'luxon';
import { csvOf } from './customer-rows.csv';
import { zoneAtLocalHour } from './local-hour.zone';

interface Suppression {
  touchpointId: string;
  outcome: string;
  reason: string;
  detail: string;
  deferredUntil: string | null;
  surveyRequestId: string | null;
}

// Triggers on the real broker through the contact policy: each suppressed one is recorded with its reason.
describe('contact policy on live triggers', () => {
  let smtp: SmtpInbox;
  const night = zoneAtLocalHour(3);
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });
  const kafka = bed.probe(Topics.SurveyDispatched);

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    await bed.start({
      SMTP_URL: smtp.url,
      CONTACT_CAP_DAYS: '30',
      CONTACT_ATTRIBUTE_RULES: 'customer.segment=internal:never',
      QUIET_HOURS: '21:00-08:00',
    });
    await bed.post(
      '/customers/import',
      csvOf([
        { customer_id: 'fresh', email: 'fresh@example.com', time_zone: zoneAtLocalHour(12) },
        { customer_id: 'opted-out', email: 'out@example.com', opt_outs: 'all', time_zone: zoneAtLocalHour(12) },
        { customer_id: 'no-email', email: 'no-email@example.com', opt_outs: 'email', time_zone: zoneAtLocalHour(12) },
        { customer_id: 'staff', email: 'staff@example.com', segment: 'internal', time_zone: zoneAtLocalHour(12) },
        { customer_id: 'night-owl', email: 'owl@example.com', time_zone: night },
      ]),
      { contentType: 'text/csv', token: await bed.clientToken('customers-writer') },
    );
  }, 120000);

  afterAll(async () => {
    await smtp?.stop();
  });

  const touchpoint = (customerId: string, touchpointId: string) =>
    bed.publish(Topics.TouchpointRecorded, anEvent(Topics.TouchpointRecorded, { customerId, touchpointId }));
  const suppressionsOf = async (customerId: string) =>
    bed.get<Suppression[]>(`/suppressions?customerId=${customerId}`, { token: await bed.tokenFor('lena') });

  it.each([
    ['opted-out', 'o-1', 'OPTED_OUT', /opted out of all surveys/],
    ['no-email', 'n-1', 'OPTED_OUT_CHANNEL', /opted out of EMAIL/],
    ['staff', 's-1', 'ATTRIBUTE_RULE', /customer\.segment=internal:never/],
    ['ghost', 'g-1', 'UNKNOWN_CUSTOMER', /^no contact is known for this customer; held for an import .* until 20\d\d-/],
  ])(
    '%s: touchpoint %s is suppressed as %s, with the reason recorded',
    async (customerId, touchpointId, reason, detail) => {
      await touchpoint(customerId, touchpointId);

      const [recorded] = await expectEventually(async () => {
        const rows = await suppressionsOf(customerId);
        expect(rows).toHaveLength(1);
        return rows;
      });
      expect(recorded).toMatchObject({
        touchpointId,
        outcome: 'suppressed',
        reason,
        deferredUntil: null,
        surveyRequestId: null,
      });
      expect(recorded.detail).toMatch(detail);
      expect(await bed.get(`/survey-requests?customerId=${customerId}`, { token: await bed.tokenFor('adam') })).toEqual(
        [],
      );
    },
  );

  it('sends the first survey, then suppresses the same touchpoint as a duplicate and a second one by the 30-day cap', async () => {
    await touchpoint('fresh', 'order-1');
    await kafka.eventually(Topics.SurveyDispatched, (e) => e.customerId === 'fresh');
    await touchpoint('fresh', 'order-1');
    await touchpoint('fresh', 'order-2');

    const rows = await expectEventually(async () => {
      const recorded = await suppressionsOf('fresh');
      expect(recorded).toHaveLength(2);
      return recorded;
    });
    expect(rows.map((row) => [row.touchpointId, row.reason])).toEqual(
      expect.arrayContaining([
        ['order-1', 'DUPLICATE_TOUCHPOINT'],
        ['order-2', 'FREQUENCY_CAP'],
      ]),
    );
    expect(await bed.get('/survey-requests?customerId=fresh', { token: await bed.tokenFor('adam') })).toHaveLength(1);
    expect(smtp.to('fresh@example.com')).toHaveLength(1);
  });

  it('defers a trigger at 03:00 local time to 08:00 local, recorded as deferred, and sends nothing yet', async () => {
    await touchpoint('night-owl', 'late-order');

    const [deferred] = await expectEventually(async () => {
      const rows = await suppressionsOf('night-owl');
      expect(rows).toHaveLength(1);
      return rows;
    });
    const local = DateTime.fromISO(String(deferred.deferredUntil), { zone: night });
    expect(deferred).toMatchObject({ outcome: 'deferred', reason: 'QUIET_HOURS', surveyRequestId: expect.any(String) });
    expect([local.hour, local.minute]).toEqual([8, 0]);
    expect(local.diffNow('hours').hours).toBeGreaterThan(4);
    expect(await bed.get('/survey-requests?customerId=night-owl', { token: await bed.tokenFor('adam') })).toMatchObject(
      [{ id: deferred.surveyRequestId, status: 'scheduled', dueAt: deferred.deferredUntil }],
    );
    expect(smtp.to('owl@example.com')).toHaveLength(0);
  });

  it('puts ad-hoc sends through the same policy and names bad fields', async () => {
    const sender = { token: await bed.clientToken('survey-sender') };
    const capped = await bed.post('/surveys', { customerId: 'fresh', touchpointType: 'account-review' }, sender);
    const unknown = await bed.post('/surveys', { customerId: 'nobody', touchpointType: 'account-review' }, sender);
    const invalid = await bed.post(
      '/surveys',
      { customerId: 'fresh', touchpointType: 'Account Review', channel: 'pigeon' },
      sender,
    );

    expect(capped).toEqual({
      status: 200,
      body: { outcome: 'suppressed', reason: 'FREQUENCY_CAP', detail: 'already surveyed within 30 days' },
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: {
        code: 'UNKNOWN_CUSTOMER',
        detail: expect.stringContaining('customerId nobody is not known'),
        fields: [{ field: 'customerId', reason: 'is not known' }],
      },
    });
    expect(invalid).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        fields: [
          { field: 'touchpointType', reason: 'must be lower-kebab-case, e.g. account-review' },
          { field: 'channel', reason: 'must be one of email, sms, webhook' },
        ],
      },
    });
    expect(await suppressionsOf('fresh')).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: 'FREQUENCY_CAP', touchpointType: 'account-review' })]),
    );
  });

  it('says which field is missing when suppressions are asked for without a customer', async () => {
    const response = await fetch(`${bed.url}/suppressions`, {
      headers: { authorization: `Bearer ${await bed.tokenFor('lena')}` },
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'customerId', reason: 'is required' }],
    });
  });

  // ADR 0066: a touchpoint that comes before its customer's CRM import is held for UNKNOWN_CUSTOMER_HOLD_MS.
  describe('a touchpoint of a customer not imported yet', () => {
    const importCustomer = async (row: Record<string, string>) =>
      bed.post('/customers/import', csvOf([{ ...row, time_zone: zoneAtLocalHour(12) }]), {
        contentType: 'text/csv',
        token: await bed.clientToken('customers-writer'),
      });
    const unknownCustomer = async (customerId: string, touchpointId: string) => {
      await touchpoint(customerId, touchpointId);
      await expectEventually(async () =>
        expect(await suppressionsOf(customerId)).toMatchObject([{ touchpointId, reason: 'UNKNOWN_CUSTOMER' }]),
      );
    };
    const heldOf = async (customerId: string) =>
      (
        await bed.db.query(`SELECT touchpoint_id FROM "${bed.schema}".held_triggers WHERE customer_id = $1`, [
          customerId,
        ])
      ).rows;

    it('is held, and a CRM import within the hold brings its survey', async () => {
      await unknownCustomer('latecomer', 'first-order');
      expect(await heldOf('latecomer')).toEqual([{ touchpoint_id: 'first-order' }]);
      const [{ detail }] = await suppressionsOf('latecomer');
      const until = Date.parse(detail.split(' until ')[1]);
      // UNKNOWN_CUSTOMER_HOLD_MS: 2 days by default.
      expect(until - Date.now()).toBeGreaterThan(2 * 24 * 60 * 60 * 1000 - 60000);
      expect(until - Date.now()).toBeLessThanOrEqual(2 * 24 * 60 * 60 * 1000);

      await importCustomer({ customer_id: 'latecomer', email: 'late@example.com' });

      await smtp.waitFor('late@example.com');
      const [dispatched] = await kafka.eventually(Topics.SurveyDispatched, (e) => e.customerId === 'latecomer');
      expect(dispatched.message).toMatchObject({ touchpointId: 'first-order' });
      // The new decision replaced the UNKNOWN_CUSTOMER one.
      expect(await suppressionsOf('latecomer')).toEqual([]);
      expect(await heldOf('latecomer')).toEqual([]);
    });

    it('is released after an import that found it claimed by a poller: the import does not wait for it', async () => {
      await unknownCustomer('mid-claim', 'claimed-order');
      // A poller's claim, made ready and locked in one transaction so no real poller takes it first.
      const poller = await bed.db.connect();
      let status: number | string;
      try {
        await poller.query('BEGIN');
        await poller.query(`UPDATE "${bed.schema}".held_triggers SET ready_at = now() WHERE customer_id = 'mid-claim'`);
        const imported = importCustomer({ customer_id: 'mid-claim', email: 'mid@example.com' }).then((r) => r.status);
        const waited = new Promise<string>((resolve) => setTimeout(() => resolve('waited for the claimed row'), 10000));
        status = await Promise.race([imported, waited]);
      } finally {
        await poller.query('COMMIT');
        poller.release();
      }
      expect(status).toBe(200);

      const [dispatched] = await kafka.eventually(Topics.SurveyDispatched, (e) => e.customerId === 'mid-claim');
      expect(dispatched.message).toMatchObject({ touchpointId: 'claimed-order' });
    });

    it('is let go when its hold ends first: its decision stands and a later import brings nothing', async () => {
      await unknownCustomer('gone-quiet', 'old-order');
      await bed.db.query(
        `UPDATE "${bed.schema}".held_triggers SET held_until = now(), ready_at = now() WHERE customer_id = 'gone-quiet'`,
      );
      await expectEventually(async () => expect(await heldOf('gone-quiet')).toEqual([]));

      await importCustomer({ customer_id: 'gone-quiet', email: 'quiet@example.com' });
      await touchpoint('gone-quiet', 'new-order');

      const [dispatched] = await kafka.eventually(Topics.SurveyDispatched, (e) => e.customerId === 'gone-quiet');
      expect(dispatched.message).toMatchObject({ touchpointId: 'new-order' });
      expect(await suppressionsOf('gone-quiet')).toMatchObject([
        { touchpointId: 'old-order', reason: 'UNKNOWN_CUSTOMER' },
      ]);
    });

    it('is forgotten by an erasure of the customer', async () => {
      await unknownCustomer('forgotten', 'some-order');

      const { status, body } = await bed.post('/customers/forgotten/erase', {}, { token: await bed.tokenFor('adam') });

      expect(status).toBe(200);
      expect(body).toMatchObject({ rows: { heldTouchpoints: 1 } });
      expect(await heldOf('forgotten')).toEqual([]);
    });
  });
});
