import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, SmtpInbox } from '@nps/testing';
import { csvOf } from './customer-rows.csv';
import { zoneAtLocalHour } from './local-hour.zone';

interface Request {
  id: string;
  status: string;
  nextAction: string | null;
  lastError: string | null;
}

// An opt-out the CRM reports in a later import, while a survey or its reminder is already waiting: the
// scheduler reads the customer's opt-outs again when it is due, so neither goes out (ADR 0065). Due times
// lie hours away (quiet hours, the default reminder delay); the tests move them to now in the table.
describe('CRM opt-outs and what is already scheduled', () => {
  let smtp: SmtpInbox;
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    await bed.start({
      SMTP_URL: smtp.url,
      CONTACT_CAP_DAYS: '0',
      QUIET_HOURS: '21:00-08:00',
      SCHEDULER_POLL_MS: '200',
    });
  }, 120000);

  afterAll(async () => {
    await smtp?.stop();
  });

  const importCustomer = async (row: Record<string, string>) =>
    bed.post('/customers/import', csvOf([row]), {
      contentType: 'text/csv',
      token: await bed.clientToken('customers-writer'),
    });
  const touchpoint = (customerId: string, touchpointId: string) =>
    bed.publish(Topics.TouchpointRecorded, anEvent(Topics.TouchpointRecorded, { customerId, touchpointId }));
  const requestOf = async (customerId: string) =>
    (await bed.get<Request[]>(`/survey-requests?customerId=${customerId}`, { token: await bed.tokenFor('adam') }))[0];
  const dueNow = (request: Request) =>
    bed.db.query(`UPDATE "${bed.schema}".survey_requests SET due_at = now() WHERE id = $1`, [request.id]);

  it('withdraws a survey deferred by quiet hours when the CRM has opted the customer out by its due time', async () => {
    const customer = { customer_id: 'night-owl', email: 'owl@example.com', time_zone: zoneAtLocalHour(3) };
    await importCustomer(customer);
    await touchpoint('night-owl', 'order-1');
    const deferred = await expectEventually(async () => {
      const request = await requestOf('night-owl');
      expect(request).toMatchObject({ status: 'scheduled', nextAction: 'send' });
      return request;
    });

    await importCustomer({ ...customer, opt_outs: 'all' });
    await dueNow(deferred);

    await expectEventually(async () =>
      expect(await requestOf('night-owl')).toMatchObject({
        status: 'failed',
        nextAction: null,
        lastError: 'withdrawn: the customer opted out of all surveys',
      }),
    );
    // A send happens before its transaction commits, so none can still be on its way.
    expect(smtp.to('owl@example.com')).toHaveLength(0);
  });

  it('drops a pending reminder when the CRM has opted the customer out of its channel since the survey went out', async () => {
    const customer = { customer_id: 'noon', email: 'noon@example.com', time_zone: zoneAtLocalHour(12) };
    await importCustomer(customer);
    await touchpoint('noon', 'order-2');
    await smtp.waitFor('noon@example.com');
    const sent = await expectEventually(async () => {
      const request = await requestOf('noon');
      expect(request).toMatchObject({ status: 'sent', nextAction: 'remind' });
      return request;
    });

    await importCustomer({ ...customer, opt_outs: 'email' });
    await dueNow(sent);

    await expectEventually(async () =>
      expect(await requestOf('noon')).toMatchObject({
        status: 'sent',
        nextAction: 'expire',
        lastError: 'withdrawn: the customer opted out of EMAIL',
      }),
    );
    expect(smtp.to('noon@example.com')).toHaveLength(1);
  });
});
