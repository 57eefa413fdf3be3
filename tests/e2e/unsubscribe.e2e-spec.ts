import { createHmac, randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import {
  anEvent,
  expectEventually,
  freshTopicPrefix,
  HttpReceiver,
  type ServiceBed,
  serviceBed,
  sharedLocalIssuer,
  SmtpInbox,
} from '@nps/testing';
import type { ParsedMail } from 'mailparser';

/** The development SMS_WEBHOOK_SECRET: what the gateway signs its inbound webhook with. */
const SMS_SECRET = 'local-development-only-sms-webhook-secret';

interface Suppression {
  touchpointId: string;
  outcome: string;
  reason: string;
  detail: string;
}

/** A raw header of a received mail, as the mail client reads it. */
function headerOf(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
}

// Issue 19, unsubscribe, as deployed: a survey mail over real SMTP carries RFC 8058 List-Unsubscribe headers;
// the one-click POST a mail client sends opts the customer out, and their next touchpoint is suppressed as
// OPTED_OUT with no second mail. An SMS STOP reply through the signed gateway webhook does the same.
describe('unsubscribe across survey-dispatch and response-ingestion', () => {
  const topicPrefix = freshTopicPrefix();
  const issuer = sharedLocalIssuer();
  const bed = (service: 'survey-dispatch' | 'response-ingestion') =>
    serviceBed({ service, topicPrefix, autoStart: false, readyTimeoutMs: 150000, issuer });
  const dispatch: ServiceBed = bed('survey-dispatch');
  const ingestion: ServiceBed = bed('response-ingestion');
  let mail: SmtpInbox;
  let gateway: HttpReceiver;
  let lead: string;

  beforeAll(async () => {
    mail = await SmtpInbox.start();
    gateway = await HttpReceiver.start();
    const pages = (await ingestion.start()).url;
    await dispatch.start({
      SMTP_URL: mail.url,
      SMS_GATEWAY_URL: gateway.url('/sms'),
      SURVEY_PAGE_URL: pages,
      QUIET_HOURS: 'off',
      CONTACT_CAP_DAYS: '0',
      SCHEDULER_POLL_MS: '200',
    });
    lead = await dispatch.tokenFor('lena');
  }, 240000);

  afterAll(async () => {
    await mail?.stop();
    await gateway?.stop();
  });

  async function importCustomer(customer: Record<string, string>): Promise<void> {
    const imported = await fetch(`${dispatch.url}/customers/import`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await dispatch.clientToken('crm-sync')}`,
      },
      body: JSON.stringify([{ name: 'Klant', language: 'nl', timeZone: 'Europe/Amsterdam', ...customer }]),
    });
    expect(await imported.json()).toMatchObject({ imported: 1, rejected: 0 });
  }

  const touchpoint = (customerId: string, touchpointId: string) =>
    dispatch.publish(Topics.TouchpointRecorded, anEvent(Topics.TouchpointRecorded, { customerId, touchpointId }));

  async function suppressedAsOptedOut(customerId: string, touchpointId: string): Promise<Suppression> {
    return expectEventually(
      async () => {
        const response = await fetch(`${dispatch.url}/suppressions?customerId=${customerId}`, {
          headers: { authorization: `Bearer ${lead}` },
        });
        const rows = (await response.json()) as Suppression[];
        const found = rows.find((row) => row.touchpointId === touchpointId);
        expect(found).toBeDefined();
        return found as Suppression;
      },
      { timeoutMs: 60000, intervalMs: 250 },
    );
  }

  /**
   * survey-dispatch has taken the opt-out: the sent survey's reminder is withdrawn. Only then is the next
   * touchpoint published, as the two topics are not ordered with each other.
   */
  async function optOutArrived(customerId: string): Promise<void> {
    await expectEventually(
      async () => {
        const response = await fetch(`${dispatch.url}/survey-requests?customerId=${customerId}`, {
          headers: { authorization: `Bearer ${lead}` },
        });
        const [sent] = (await response.json()) as { status: string; nextAction: string | null }[];
        expect(sent).toMatchObject({ status: 'sent', nextAction: 'expire' });
      },
      { timeoutMs: 60000, intervalMs: 250 },
    );
  }

  it('survey mail → List-Unsubscribe one-click POST → next touchpoint suppressed as OPTED_OUT, no second mail', async () => {
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const email = `${customerId}@klant.example.nl`;
    await importCustomer({ customerId, email });
    await touchpoint(customerId, `order-${customerId}-1`);
    const survey = await mail.waitFor(email, 60000);

    // What a mail client does (RFC 8058): POST the List-Unsubscribe https URL, no cookie, no other field.
    expect(headerOf(survey, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const target = /^<(https?:\/\/[^>]+)>$/.exec(headerOf(survey, 'list-unsubscribe') ?? '')?.[1];
    expect(target).toMatch(/\/s\/unsubscribe\//);
    expect(String(survey.html)).toContain(`href="${target}"`);
    const scanned = await fetch(target as string);
    expect(scanned.status).toBe(200);
    const unsubscribed = await fetch(target as string, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);

    await optOutArrived(customerId);
    await touchpoint(customerId, `order-${customerId}-2`);

    const suppressed = await suppressedAsOptedOut(customerId, `order-${customerId}-2`);
    expect(suppressed.reason).toBe('OPTED_OUT');
    expect(suppressed.detail).toMatch(/^the customer unsubscribed by one-click link on \d{4}-\d\d-\d\d$/);
    expect(mail.to(email)).toHaveLength(1);
  });

  it('survey SMS → STOP reply through the signed gateway webhook → next touchpoint suppressed as OPTED_OUT', async () => {
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const phone = `+3161${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await importCustomer({ customerId, phone, preferredChannel: 'sms' });
    await touchpoint(customerId, `visit-${customerId}-1`);
    const sent = await gateway.waitFor((request) => request.body.includes(phone), 60000);
    const { messageRef } = JSON.parse(sent.body) as { messageRef: string };

    const body = JSON.stringify({ messageRef, text: 'STOP' });
    const reply = await fetch(`${ingestion.url}/sms/inbound`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': `sha256=${createHmac('sha256', SMS_SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ outcome: 'opted-out', reply: 'We sturen u geen enquêtes meer.' });

    await optOutArrived(customerId);
    await touchpoint(customerId, `visit-${customerId}-2`);
    const suppressed = await suppressedAsOptedOut(customerId, `visit-${customerId}-2`);
    expect(suppressed).toMatchObject({ outcome: 'suppressed', reason: 'OPTED_OUT' });
    expect(suppressed.detail).toMatch(/^the customer replied STOP by SMS on /);
    expect(gateway.requests.filter((request) => request.body.includes(phone))).toHaveLength(1);
  });
});
