import { randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import {
  anEvent,
  expectEventually,
  type KafkaProbe,
  serviceStack,
  SmtpInbox,
  PLATFORM_SERVICES,
  callJson,
} from '@nps/testing';
import type { ParsedMail } from 'mailparser';

const SERVICES = PLATFORM_SERVICES;
const TEAM = 'customer-care'; // the default team a fresh install routes to
const DELAY_MS = 2000;
const RECOVERY_SUBJECT = 'U was eerder niet tevreden over ons. Hoe is dat nu?';

/** The survey page behind a mail's score link `score`, answered as the page's confirmation POST does (ADR 0018). */
async function answer(mail: ParsedMail, score: number): Promise<void> {
  const link = new RegExp(`href="([^"]+)\\?score=${score}"`).exec(String(mail.html))?.[1];
  if (!link) throw new Error(`no score link ${score} in "${mail.subject}"`);
  const posted = await fetch(link.replaceAll('&amp;', '&'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ score: String(score) }),
  });
  expect(posted.status).toBe(200);
}

// Recovery measured, as deployed: a detractor's case is resolved, the re-survey mail arrives after the (short)
// delay, the customer answers 9, and the recovery shows on the case and in the team's metric.
describe('recovery of a followed-up detractor, across all five services', () => {
  const { beds, urls, start } = serviceStack(SERVICES);
  let admin: string;
  let analyst: string;
  let mail: SmtpInbox;
  let kafka: KafkaProbe;

  beforeAll(async () => {
    admin = await beds['case-management'].tokenFor('adam');
    analyst = await beds.scoring.tokenFor('nina');
    mail = await SmtpInbox.start();
    await start((started) => ({
      'survey-dispatch': {
        SMTP_URL: mail.url,
        SURVEY_PAGE_URL: started['response-ingestion'],
        QUIET_HOURS: 'off',
        SCHEDULER_POLL_MS: '200',
        RECOVERY_SURVEY_DELAY_MS: String(DELAY_MS),
      },
      'case-management': { SMTP_URL: mail.url, NOTIFY_INTERVAL_MS: '200' },
    }));
    kafka = beds['response-ingestion'].probe(Topics.RecoveryMeasured);
    await kafka.ready();
    const added = await callJson(urls['case-management'], 'POST', `/teams/${TEAM}/members`, admin, {
      id: 'anna',
      name: 'anna',
      email: 'anna@care.example.com',
      available: true,
    });
    expect(added.status).toBe(201);
  }, 240000);

  afterAll(() => mail?.stop());

  it('detractor → case resolved → re-survey mail after the delay → answers 9 → recovery on the case and in the team metric', async () => {
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const email = `${customerId}@klant.example.nl`;
    const crm = await beds['survey-dispatch'].clientToken('crm-sync');
    const imported = await fetch(`${urls['survey-dispatch']}/customers/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${crm}` },
      body: JSON.stringify([{ customerId, name: 'Klant', email, language: 'nl', timeZone: 'Europe/Amsterdam' }]),
    });
    expect(await imported.json()).toMatchObject({ imported: 1, rejected: 0 });
    await beds['survey-dispatch'].publish(
      Topics.TouchpointRecorded,
      anEvent(Topics.TouchpointRecorded, { customerId }),
    );
    const survey = await mail.waitFor(email, 60000);

    await answer(survey, 2);

    const opened = await expectEventually(
      async () => {
        const query = `/cases?scope=team&teamId=${TEAM}&customerId=${encodeURIComponent(customerId)}`;
        const [found] = (await callJson(urls['case-management'], 'GET', query, admin)).body.items;
        expect(found).toBeDefined();
        return found;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
    const contacted = await callJson(urls['case-management'], 'POST', `/cases/${opened.id}/contacts`, admin, {
      channel: 'call',
      result: 'reached',
      note: 'Apologised, sent a replacement',
    });
    expect(contacted.status).toBe(200);
    const resolved = await callJson(urls['case-management'], 'POST', `/cases/${opened.id}/resolve`, admin, {
      rootCauseTagId: 'delivery',
      outcome: 'recovered',
      note: 'Replacement delivered the next day',
    });
    expect(resolved.status).toBe(200);
    const resolvedAt = Date.now();

    const resurvey = await expectEventually(
      () => {
        const found = mail.to(email).find((sent) => sent.subject === RECOVERY_SUBJECT);
        expect(found).toBeDefined();
        return found as ParsedMail;
      },
      { timeoutMs: 60000, intervalMs: 250 },
    );
    expect(Date.now() - resolvedAt).toBeGreaterThanOrEqual(DELAY_MS - 500);
    expect(String(resurvey.text)).toContain('Enige tijd geleden gaf u ons een lage score');

    await answer(resurvey, 9);

    const [measured] = await kafka.eventually(Topics.RecoveryMeasured, (e) => e.customerId === customerId, 1, 60000);
    expect(measured.message).toMatchObject({ caseId: opened.id, teamId: TEAM, firstScore: 2, recoveryScore: 9 });
    const onCase = await expectEventually(
      async () => {
        const detail = await callJson(urls['case-management'], 'GET', `/cases/${opened.id}`, admin);
        expect(detail.body.recovery).not.toBeNull();
        return detail.body.recovery;
      },
      { timeoutMs: 30000, intervalMs: 250 },
    );
    expect(onCase).toMatchObject({ firstScore: 2, recoveryScore: 9, change: 7 });

    const metric = await callJson(urls.scoring, 'GET', '/nps/recovery?groupBy=team', analyst);
    expect(metric.status).toBe(200);
    expect(metric.body.rows).toEqual([
      expect.objectContaining({
        group: { team: TEAM },
        followedUp: expect.objectContaining({ n: 1, meanFirstScore: 2, meanRecoveryScore: 9, meanChange: 7 }),
        holdout: null,
        uplift: null,
      }),
    ]);
    // The re-survey answer is its own touchpoint segment in the NPS.
    const nps = await callJson(urls.scoring, 'GET', '/nps?groupBy=touchpointType', analyst);
    expect(nps.body.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ group: { touchpointType: 'recovery' }, n: 1, promoters: 1 })]),
    );
  });
});
