import { Channel, OptOutSource, Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, SmtpInbox } from '@nps/testing';
import { DEVELOPMENT_SURVEY_LINK_KEYS, SurveyLinks } from '@nps/survey-links';
import { csvOf } from './customer-rows.csv';
import { zoneAtLocalHour } from './local-hour.zone';

interface Suppression {
  touchpointId: string;
  outcome: string;
  reason: string;
  detail: string;
}

interface Request {
  id: string;
  touchpointId: string;
  status: string;
  nextAction: string | null;
  lastError: string | null;
}

describe('opt-outs', () => {
  let smtp: SmtpInbox;
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });
  const kafka = bed.probe(Topics.SurveyDispatched);
  const links = new SurveyLinks(DEVELOPMENT_SURVEY_LINK_KEYS, 'http://127.0.0.1:3002');

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

  const importCustomers = async (rows: Record<string, string>[]) =>
    bed.post('/customers/import', csvOf(rows), {
      contentType: 'text/csv',
      token: await bed.clientToken('customers-writer'),
    });
  const touchpoint = (customerId: string, touchpointId: string) =>
    bed.publish(Topics.TouchpointRecorded, anEvent(Topics.TouchpointRecorded, { customerId, touchpointId }));
  const optOut = (customerId: string, source: OptOutSource) =>
    bed.publish(
      Topics.ContactOptedOut,
      anEvent(Topics.ContactOptedOut, { customerId, channel: Channel.UNSPECIFIED, source }),
    );
  const suppressionsOf = async (customerId: string) =>
    bed.get<Suppression[]>(`/suppressions?customerId=${customerId}`, { token: await bed.tokenFor('lena') });
  const requestsOf = async (customerId: string) =>
    bed.get<Request[]>(`/survey-requests?customerId=${customerId}`, { token: await bed.tokenFor('adam') });

  // A customer's own opt-out (ContactOptedOut, ADR 0034) on the real broker: the survey email carries the
  // one-click unsubscribe headers, the opt-out suppresses the next touchpoint, withdraws what is still waiting,
  // and survives a CRM import that says the customer may be contacted.
  describe("the customer's own", () => {
    it('survey email → one-click headers; opt-out → reminder withdrawn, next touchpoint OPTED_OUT, even after a CRM import', async () => {
      await importCustomers([{ customer_id: 'leaver', email: 'leaver@example.com', time_zone: zoneAtLocalHour(12) }]);
      await touchpoint('leaver', 'order-1');
      const mail = await smtp.waitFor('leaver@example.com');

      const header = (name: string) =>
        mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
      const url = String(header('list-unsubscribe')).replace(/^<|>$/g, '');
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3002\/s\/unsubscribe\/[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(String(mail.html)).toContain(`href="${url}"`);
      expect(String(mail.text)).toContain(url);
      const token = url.split('/').pop() as string;
      expect(links.verify(token, new Date(), { purpose: 'unsubscribe' })).toMatchObject({ customerId: 'leaver' });
      expect(() => links.verify(token)).toThrow(/signature/);
      await kafka.eventually(Topics.SurveyDispatched, (e) => e.customerId === 'leaver');
      expect((await requestsOf('leaver'))[0]).toMatchObject({ status: 'sent', nextAction: 'remind' });

      await optOut('leaver', OptOutSource.ONE_CLICK);
      await expectEventually(async () =>
        expect((await requestsOf('leaver'))[0]).toMatchObject({ status: 'sent', nextAction: 'expire' }),
      );
      // The CRM knows nothing of it and says the customer may be contacted: that must not undo the opt-out.
      await importCustomers([{ customer_id: 'leaver', email: 'leaver@example.com', time_zone: zoneAtLocalHour(12) }]);
      await touchpoint('leaver', 'order-2');

      const [suppressed] = await expectEventually(async () => {
        const rows = await suppressionsOf('leaver');
        expect(rows).toHaveLength(1);
        return rows;
      });
      expect(suppressed).toMatchObject({ touchpointId: 'order-2', outcome: 'suppressed', reason: 'OPTED_OUT' });
      expect(suppressed.detail).toMatch(/^the customer unsubscribed by one-click link on \d{4}-\d\d-\d\d$/);
      expect(smtp.to('leaver@example.com')).toHaveLength(1);
    });

    it('withdraws a survey deferred by quiet hours; a second opt-out keeps the first one', async () => {
      await importCustomers([{ customer_id: 'stopper', email: 's@example.com', time_zone: zoneAtLocalHour(3) }]);
      await touchpoint('stopper', 'visit-1');
      await expectEventually(async () =>
        expect((await requestsOf('stopper'))[0]).toMatchObject({ status: 'scheduled' }),
      );

      await optOut('stopper', OptOutSource.SMS_KEYWORD);
      await expectEventually(async () => expect((await requestsOf('stopper'))[0]).toMatchObject({ status: 'failed' }));
      await optOut('stopper', OptOutSource.ONE_CLICK);

      const [withdrawn] = await expectEventually(async () => {
        const rows = await requestsOf('stopper');
        expect(rows[0]).toMatchObject({ status: 'failed', nextAction: null });
        return rows;
      });
      expect(withdrawn.lastError).toBe('withdrawn: the customer opted out');
      await expectEventually(async () => {
        const { rows } = await bed.db.query(
          `SELECT source FROM "${bed.schema}".customer_opt_outs WHERE customer_id = 'stopper'`,
        );
        // The first opt-out stays: its date and source are when and how the customer asked.
        expect(rows).toEqual([{ source: OptOutSource.SMS_KEYWORD }]);
      });
      await touchpoint('stopper', 'order-9');
      const [suppressed] = await expectEventually(async () => {
        const rows = await suppressionsOf('stopper');
        expect(rows.map((row) => row.touchpointId)).toEqual(['order-9', 'visit-1']);
        return rows;
      });
      expect(suppressed.detail).toMatch(/^the customer replied STOP by SMS on /);
    });
  });

  // An opt-out the CRM reports in a later import, while a survey or its reminder is already waiting (ADR 0065).
  // Due times lie hours away (quiet hours, the default reminder delay); the tests move them to now in the table.
  describe("the CRM's, after the decision", () => {
    const requestOf = async (customerId: string) => (await requestsOf(customerId))[0];
    const dueNow = (request: Request) =>
      bed.db.query(`UPDATE "${bed.schema}".survey_requests SET due_at = now() WHERE id = $1`, [request.id]);
    const deferredSurveyOf = async (customer: Record<string, string>, touchpointId: string) => {
      await importCustomers([{ ...customer, time_zone: zoneAtLocalHour(3) }]);
      await touchpoint(customer.customer_id, touchpointId);
      return expectEventually(async () => {
        const request = await requestOf(customer.customer_id);
        expect(request).toMatchObject({ status: 'scheduled', nextAction: 'send' });
        return request;
      });
    };

    it('an import that opts the customer out withdraws the survey deferred by quiet hours', async () => {
      const customer = { customer_id: 'night-owl', email: 'owl@example.com' };
      await deferredSurveyOf(customer, 'late-order');

      await importCustomers([{ ...customer, time_zone: zoneAtLocalHour(3), opt_outs: 'all' }]);

      expect(await requestOf('night-owl')).toMatchObject({
        status: 'failed',
        nextAction: null,
        lastError: 'withdrawn: the customer opted out',
      });
    });

    it("an import that opts the customer out of the survey's channel drops the pending reminder", async () => {
      const customer = { customer_id: 'noon', email: 'noon@example.com', time_zone: zoneAtLocalHour(12) };
      await importCustomers([customer]);
      await touchpoint('noon', 'lunch-order');
      await smtp.waitFor('noon@example.com');
      await expectEventually(async () =>
        expect(await requestOf('noon')).toMatchObject({ status: 'sent', nextAction: 'remind' }),
      );

      await importCustomers([{ ...customer, opt_outs: 'email' }]);

      const unreminded = await requestOf('noon');
      expect(unreminded).toMatchObject({ status: 'sent', nextAction: 'expire' });
      await dueNow(unreminded);
      await expectEventually(async () => expect(await requestOf('noon')).toMatchObject({ status: 'expired' }));
      expect(smtp.to('noon@example.com')).toHaveLength(1);
    });

    it('the scheduler reads the opt-outs again when a survey is due, whatever wrote them', async () => {
      const customer = { customer_id: 'restored', email: 'restored@example.com' };
      const deferred = await deferredSurveyOf(customer, 'restored-order');
      // As an opt-out stored without withdrawing anything would be: one of an import before ADR 0065, or a
      // restored backup.
      await bed.db.query(`UPDATE "${bed.schema}".customers SET opted_out = true WHERE customer_id = 'restored'`);

      await dueNow(deferred);

      await expectEventually(async () =>
        expect(await requestOf('restored')).toMatchObject({
          status: 'failed',
          nextAction: null,
          lastError: 'withdrawn: the customer opted out of all surveys',
        }),
      );
      // A send happens before its transaction commits, so none can still be on its way.
      expect(smtp.to('restored@example.com')).toHaveLength(0);
    });
  });
});
