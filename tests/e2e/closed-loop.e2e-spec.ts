import { randomUUID } from 'node:crypto';
import { toJson } from '@bufbuild/protobuf';
import { Channel, ResponseReceivedSchema, Topics } from '@nps/contracts';
import { connectKeyStore } from '@nps/privacy';
import {
  anEvent,
  expectEventually,
  HttpReceiver,
  type KafkaProbe,
  launchChromium,
  serviceStack,
  SmtpInbox,
  standardWebhookSignatureValid,
  PLATFORM_SERVICES,
  callJson,
} from '@nps/testing';
import type { Browser } from 'playwright-core';

const SERVICES = PLATFORM_SERVICES;
const WEBHOOK_SECRET = `whsec_${Buffer.from('closed-loop-e2e-webhook-secret').toString('base64')}`;
const TEAM = 'customer-care'; // the default team a fresh install routes to

/** The first link of a mail's HTML whose text is exactly `text`. */
function linkIn(html: string, text: string): string {
  const link = [...html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>\s*([^<]*?)\s*<\/a>/g)].find(
    (match) => match[2] === text,
  );
  if (!link) throw new Error(`no link "${text}" in the mail`);
  return link[1].replaceAll('&amp;', '&');
}

// The whole loop as deployed: five service processes, one broker, one database, a real SMTP
// server, a webhook receiver and Debian's Chromium as the customer.
describe('the closed loop, across all five services', () => {
  const { beds, urls, start, privacySchema } = serviceStack(SERVICES);
  let admin: string;
  let mail: SmtpInbox;
  let webhook: HttpReceiver;
  let kafka: KafkaProbe;
  let browser: Browser;

  beforeAll(async () => {
    admin = await beds['case-management'].tokenFor('adam');
    mail = await SmtpInbox.start();
    webhook = await HttpReceiver.start();
    await start((started) => ({
      'survey-dispatch': {
        SMTP_URL: mail.url,
        SURVEY_PAGE_URL: started['response-ingestion'],
        QUIET_HOURS: 'off',
        SCHEDULER_POLL_MS: '200',
      },
      'case-management': {
        SMTP_URL: mail.url,
        NOTIFY_WEBHOOK_URL: webhook.url('/slack'),
        NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
        NOTIFY_INTERVAL_MS: '200',
      },
    }));
    kafka = beds['response-ingestion'].probe(Topics.ResponseReceived, Topics.ResponseRevised, Topics.CaseOpened);
    await kafka.ready();
    browser = await launchChromium();

    // Operations: two care agents in the default team; Dirk is on leave.
    for (const member of [
      { id: 'anna', available: true },
      { id: 'bram', available: true },
      { id: 'dirk', available: false },
    ]) {
      const added = await callJson(urls['case-management'], 'POST', `/teams/${TEAM}/members`, admin, {
        ...member,
        name: member.id,
        email: `${member.id}@care.example.com`,
      });
      expect(added.status).toBe(201);
    }
  }, 240000);

  afterAll(async () => {
    await browser?.close();
    await mail?.stop();
    await webhook?.stop();
  });

  /** Imports a Dutch customer with a contact address, records a touchpoint and returns the survey email. */
  async function surveyed(accountOwner: string) {
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const email = `${customerId}@klant.example.nl`;
    const crm = await beds['survey-dispatch'].clientToken('crm-sync');
    const imported = await fetch(`${urls['survey-dispatch']}/customers/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${crm}` },
      body: JSON.stringify([
        {
          customerId,
          name: 'Klant',
          email,
          phone: '+31 6 1234 5678',
          language: 'nl',
          segment: 'consumer',
          region: 'benelux',
          tier: 'standard',
          accountOwner,
          timeZone: 'Europe/Amsterdam',
        },
      ]),
    });
    expect(await imported.json()).toMatchObject({ imported: 1, rejected: 0 });
    const touchpoint = anEvent(Topics.TouchpointRecorded, { customerId });
    await kafka.publish(Topics.TouchpointRecorded, touchpoint);
    return { customerId, email, touchpoint, message: await mail.waitFor(email, 60000) };
  }

  async function caseOfCustomer(customerId: string) {
    return expectEventually(
      async () => {
        const query = `/cases?scope=team&teamId=${TEAM}&customerId=${encodeURIComponent(customerId)}`;
        const queue = await callJson(urls['case-management'], 'GET', query, admin);
        expect(queue.status).toBe(200);
        const [found] = queue.body.items;
        expect(found).toBeDefined();
        const detail = await callJson(urls['case-management'], 'GET', `/cases/${found.id}`, admin);
        expect(detail.status).toBe(200);
        return detail.body.case;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
  }

  it('touchpoint → survey email → the customer answers 3 with a Dutch comment in the browser → exactly one response received, without contact details', async () => {
    const { customerId, email, touchpoint, message } = await surveyed('');
    expect(message.subject).toBeTruthy();
    const html = String(message.html);
    for (let score = 0; score <= 10; score++) expect(linkIn(html, String(score))).toContain(`?score=${score}`);
    const pageLink = [...html.matchAll(/href="([^"]+\/s\/[^"?]+)"/g)][0]?.[1];
    expect(pageLink).toBeDefined();

    const page = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
    await page.goto(String(pageLink));
    const scale = page.getByRole('group', {
      name: 'Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?',
    });
    await scale.getByRole('radio', { name: '3 van de 10' }).check();
    const comment = 'Het pakket kwam beschadigd aan en niemand reageerde op mijn e-mail.';
    await page.getByLabel('Waarom geeft u deze score? (optioneel)').fill(comment);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByRole('heading', { name: 'Dank u wel' }).waitFor();
    await page.context().close();

    const [received] = await kafka.eventually(Topics.ResponseReceived, (event) => event.customerId === customerId);
    expect(received.message).toMatchObject({
      score: 3,
      comment: expect.stringMatching(/^enc:v1:/),
      language: 'nl',
      customerId,
      touchpointId: touchpoint.touchpointId,
      touchpointType: touchpoint.type,
      channel: Channel.EMAIL,
    });
    // Encrypted for the customer, readable with the stack's one key store (docs/privacy.md).
    const keyStore = await connectKeyStore({ url: beds['response-ingestion'].databaseUrl, schema: privacySchema });
    try {
      expect(await keyStore.text(customerId, received.message.comment)).toBe(comment);
    } finally {
      await keyStore.close();
    }
    const json = JSON.stringify(toJson(ResponseReceivedSchema, received.message));
    expect(json).not.toContain(email);
    expect(received.bytes.toString('latin1')).not.toMatch(/@klant\.example\.nl|612345678/);
    // Everything the service published has gone out by now: still exactly one.
    await expectEventually(() =>
      expect(
        kafka.events(Topics.ResponseReceived).filter((seen) => seen.message.customerId === customerId),
      ).toHaveLength(1),
    );
  });

  it('a customer clicks 2 in the email and writes "De levering was twee weken te laat" → one case for the account owner, tagged delivery, with SLA deadlines; the owner gets an email and a signed webhook', async () => {
    const { customerId, message } = await surveyed('anna');
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(linkIn(String(message.html), '2'));
    await page.getByLabel('Waarom geeft u deze score? (optioneel)').fill('De levering was twee weken te laat');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByRole('heading', { name: 'Dank u wel' }).waitFor();
    await page.context().close();

    const opened = await expectEventually(
      async () => {
        const detail = await caseOfCustomer(customerId);
        expect(detail).toMatchObject({
          ownerId: 'anna',
          assignmentReason: 'account_owner',
          score: 2,
          tagIds: expect.arrayContaining(['delivery']),
        });
        expect(detail.comment).toBe('De levering was twee weken te laat');
        return detail;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
    expect(Date.parse(opened.firstContactDueAt)).toBeGreaterThan(Date.parse(opened.openedAt));
    expect(Date.parse(opened.resolutionDueAt)).toBeGreaterThan(Date.parse(opened.firstContactDueAt));
    await expectEventually(() =>
      expect(kafka.events(Topics.CaseOpened).filter((seen) => seen.message.customerId === customerId)).toHaveLength(1),
    );

    // Anna may have been notified of earlier cases too: this one's notification names its id.
    await expectEventually(
      () =>
        expect(mail.to('anna@care.example.com').filter((sent) => String(sent.text).includes(opened.id))).toHaveLength(
          1,
        ),
      { timeoutMs: 30000 },
    );
    const post = await webhook.waitFor((request) => request.body.includes(opened.id) && request.body.includes('anna'));
    expect(standardWebhookSignatureValid(WEBHOOK_SECRET, post.headers, post.body)).toBe(true);
    expect(
      standardWebhookSignatureValid(
        `whsec_${Buffer.from('another secret').toString('base64')}`,
        post.headers,
        post.body,
      ),
    ).toBe(false);
  });

  it('when the account owner is on leave, the case goes to the least-loaded available member', async () => {
    const { customerId, message } = await surveyed('dirk');
    // One click: the GET only shows 1 chosen, the page's script confirms it by POST (ADR 0018).
    const page = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    await page.goto(linkIn(String(message.html), '1'));
    await page.locator('form[data-confirmed="true"]').waitFor({ state: 'attached' });
    await page.context().close();

    const detail = await caseOfCustomer(customerId);
    expect(detail.assignmentReason).toBe('least_loaded');
    expect(['anna', 'bram']).toContain(detail.ownerId);
    expect(detail.assignmentDetail).toMatch(/least loaded: \d+ open/);
  });
});
