import { Topics } from '@nps/contracts';
import { physicalTopic } from '@nps/messaging';
import { anEvent, expectEventually, readTopics, serviceBed, SmtpInbox } from '@nps/testing';
import { csvOf } from './customer-rows.csv';

/** A fixed-offset zone where the local hour is `hour` right now, so the test holds at any time of day. */
function zoneAtLocalHour(hour: number): string {
  const offset = ((((hour - new Date().getUTCHours()) % 24) + 36) % 24) - 12; // -12..+11
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

// POST /customers/:id/erase (ADR 0038) on the real broker: in one transaction the data key, the contact
// and the waiting survey go, the register keeps the id, `customer erased` and a tombstone go out; a
// repeat changes nothing more; a CRM import does not bring the customer back, a touchpoint is suppressed.
describe('customer erasure in survey-dispatch', () => {
  let smtp: SmtpInbox;
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });
  const kafka = bed.probe(Topics.CustomerErased, Topics.CustomerUpserted);
  const contact = {
    customer_id: 'greta',
    name: 'Greta Gone',
    email: 'greta.gone@example.com',
    phone: '+31612345678',
    time_zone: zoneAtLocalHour(3), // quiet hours: the survey waits, so there is one to withdraw
  };

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    await bed.start({ SMTP_URL: smtp.url, CONTACT_CAP_DAYS: '0', QUIET_HOURS: '21:00-08:00' });
  }, 120000);

  afterAll(() => smtp?.stop());

  const importCustomers = async (rows: Record<string, string>[]) =>
    bed.post('/customers/import', csvOf(rows), {
      contentType: 'text/csv',
      token: await bed.clientToken('customers-writer'),
    });
  const erase = async (customerId: string, token?: string) =>
    bed.post(`/customers/${customerId}/erase`, {}, { token: token ?? (await bed.tokenFor('adam')) });
  const keyCount = async (customerId: string) =>
    (
      await bed.db.query(
        `SELECT count(*)::int AS n FROM "${bed.privacySchema}".privacy_data_keys WHERE customer_id = $1`,
        [customerId],
      )
    ).rows[0].n as number;

  it('erases the key, the contact and the waiting survey at once, and tells every service', async () => {
    expect((await importCustomers([contact])).body).toMatchObject({ imported: 1, erased: 0 });
    await bed.publish(
      Topics.TouchpointRecorded,
      anEvent(Topics.TouchpointRecorded, { customerId: 'greta', touchpointId: 'o-1' }),
    );
    await expectEventually(async () =>
      expect(await bed.rows(`SELECT status FROM survey_requests WHERE customer_id = 'greta'`)).toEqual([
        { status: 'scheduled' },
      ]),
    );
    expect(await keyCount('greta')).toBe(1); // the import encrypted the name with it

    expect((await erase('greta', await bed.clientToken('privacy-exporter'))).status).toBe(403);
    const { status, body } = await erase('greta', await bed.clientToken('privacy-eraser'));
    expect(status).toBe(200);
    expect(body).toEqual({
      customerId: 'greta',
      erasedAt: expect.any(String),
      keyDeleted: true,
      rows: { customers: 1, heldTouchpoints: 0, withdrawnSurveyRequests: 1, surveyRequests: 0, promoterFollowUps: 0 },
    });
    expect(await keyCount('greta')).toBe(0);
    expect(await bed.rows(`SELECT * FROM customers WHERE customer_id = 'greta'`)).toEqual([]);
    expect(await bed.rows(`SELECT status, last_error FROM survey_requests WHERE customer_id = 'greta'`)).toEqual([
      { status: 'failed', last_error: 'withdrawn: the customer was erased' },
    ]);
    await kafka.eventually(Topics.CustomerErased, (e) => e.customerId === 'greta');
    await bed.outboxDrained();
    const upserted = physicalTopic(Topics.CustomerUpserted.name, bed.topicPrefix);
    const records = (await readTopics(bed.kafkaBrokers, bed.topicPrefix)).filter(
      (r) => r.topic === upserted && r.key?.toString() === 'greta',
    );
    expect(records.map((r) => r.value === null)).toEqual([false, true]); // the import, then the tombstone

    // Again: the same first date, nothing left to change, the register unchanged.
    const again = await erase('greta');
    expect(again.body).toEqual({
      ...(body as object),
      keyDeleted: false,
      rows: { customers: 0, heldTouchpoints: 0, withdrawnSurveyRequests: 0, surveyRequests: 0, promoterFollowUps: 0 },
    });
    expect(await bed.rows(`SELECT customer_id, erased_by FROM erased_customers`)).toEqual([
      { customer_id: 'greta', erased_by: 'privacy-eraser' },
    ]);
  });

  it('a CRM import does not bring an erased customer back, and a touchpoint is suppressed as ERASED', async () => {
    const report = await importCustomers([contact, { customer_id: 'other', email: 'o@example.com' }]);
    expect(report.body).toMatchObject({ rows: 2, imported: 1, erased: 1, rejected: 0 });
    expect(await bed.rows(`SELECT customer_id FROM customers`)).toEqual([{ customer_id: 'other' }]);
    expect(await keyCount('greta')).toBe(0); // no name encrypted for them, so no key made again

    await bed.publish(
      Topics.TouchpointRecorded,
      anEvent(Topics.TouchpointRecorded, { customerId: 'greta', touchpointId: 'o-2' }),
    );
    const [suppression] = await expectEventually(async () => {
      const rows = await bed.rows<{ reason: string; detail: string }>(
        `SELECT reason, detail FROM suppressions WHERE customer_id = 'greta' AND touchpoint_id = 'o-2'`,
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(suppression).toEqual({
      reason: 'ERASED',
      detail: expect.stringMatching(/^the customer was erased on \d{4}-\d\d-\d\d$/),
    });
    await kafka.eventually(Topics.CustomerUpserted, (e) => e.customerId === 'other');
    expect(kafka.events(Topics.CustomerUpserted).filter((e) => e.message.customerId === 'greta')).toHaveLength(1);
  });
});
