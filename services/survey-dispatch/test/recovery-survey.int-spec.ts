import { CaseSkipReason, Topics } from '@nps/contracts';
import { SurveyLinks } from '@nps/survey-links';
import { anEvent, expectEventually, serviceBed, SmtpInbox } from '@nps/testing';
import { randomUUID } from 'node:crypto';
import { csvOf } from './customer-rows.csv';

const KEYS = 'k-new:new-secret-0123456789abcdef';
const PAGE = 'http://survey.test:3002';
const DELAY_MS = 1500;

// CaseResolved / CaseSkipped(HOLDOUT) → after the delay, one recovery re-survey over real SMTP, SurveyDispatched
// carrying the detractor response it follows up.
describe('recovery re-surveys', () => {
  let smtp: SmtpInbox;
  const links = new SurveyLinks(KEYS, PAGE);
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });
  const kafka = bed.probe(Topics.SurveyDispatched);

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    await bed.start({
      SMTP_URL: smtp.url,
      SURVEY_LINK_KEYS: KEYS,
      SURVEY_PAGE_URL: PAGE,
      QUIET_HOURS: 'off',
      SCHEDULER_POLL_MS: '200',
      RECOVERY_SURVEY_DELAY_MS: String(DELAY_MS),
    });
    const imported = await bed.post(
      '/customers/import',
      csvOf([
        { customer_id: 'rita', name: 'Rita', email: 'rita@example.com', language: 'en' },
        { customer_id: 'hugo', name: 'Hugo', email: 'hugo@example.nl', language: 'nl' },
        { customer_id: 'olga', name: 'Olga', email: 'olga@example.com', language: 'en', opt_outs: 'all' },
        { customer_id: 'tim', name: 'Tim', email: 'tim@example.com', language: 'en' },
      ]),
      { contentType: 'text/csv', token: await bed.clientToken('customers-writer') },
    );
    expect(imported.body).toMatchObject({ imported: 4, rejected: 0 });
  }, 120000);

  afterAll(() => smtp?.stop());

  const recovery = (responseId: string) =>
    bed.rows<{ status: string; reason: string | null; follow_up_group: string }>(
      `SELECT status, reason, follow_up_group FROM "${bed.schema}".recovery_surveys WHERE response_id = $1`,
      [responseId],
    );

  it('re-surveys a customer whose case was resolved once, after the delay and despite the frequency cap', async () => {
    // The detractor answer came from a survey a moment ago: the 30-day cap would stop an ordinary one.
    await bed.publish(Topics.TouchpointRecorded, anEvent(Topics.TouchpointRecorded, { customerId: 'rita' }));
    await expectEventually(() => expect(smtp.to('rita@example.com')).toHaveLength(1));
    const responseId = randomUUID();
    const resolved = anEvent(Topics.CaseResolved, { customerId: 'rita', responseId, caseId: randomUUID() });
    const resolvedAt = Date.now();
    await bed.publish(Topics.CaseResolved, resolved);
    // Redelivered, and resolved again after a reopen: still one re-survey.
    await bed.publish(Topics.CaseResolved, resolved);
    await bed.publish(Topics.CaseResolved, anEvent(Topics.CaseResolved, { customerId: 'rita', responseId }));

    const [dispatched] = await kafka.eventually(Topics.SurveyDispatched, (e) => e.recoveryOfResponseId === responseId);
    const mails = smtp.to('rita@example.com');
    expect(mails).toHaveLength(2);
    expect(Date.now() - resolvedAt).toBeGreaterThanOrEqual(DELAY_MS - 200);
    expect(mails[1].subject).toBe('A little while ago you told us we let you down. How do we do now?');
    expect(mails[1].text).toContain('Some time ago you gave us a low score');
    expect(dispatched.message).toMatchObject({
      customerId: 'rita',
      touchpointType: 'recovery',
      touchpointId: responseId,
    });
    const token = /\/s\/([\w.-]+)\?score=9/.exec(String(mails[1].text))?.[1] ?? '';
    expect(links.verify(token)).toMatchObject({ touchpointType: 'recovery', touchpointId: responseId });
    expect(await recovery(responseId)).toEqual([{ status: 'scheduled', reason: null, follow_up_group: 'followed-up' }]);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // room for a wrongly second re-survey to show up
    expect(smtp.to('rita@example.com')).toHaveLength(2);
  });

  it('re-surveys a held-out detractor in their language, and no detractor skipped for another reason', async () => {
    const held = randomUUID();
    const old = randomUUID();
    await bed.publish(
      Topics.CaseSkipped,
      anEvent(Topics.CaseSkipped, { customerId: 'tim', responseId: old, reason: CaseSkipReason.ANSWER_TOO_OLD }),
    );
    await bed.publish(
      Topics.CaseSkipped,
      anEvent(Topics.CaseSkipped, {
        customerId: 'hugo',
        responseId: held,
        reason: CaseSkipReason.HOLDOUT,
        teamId: 'care',
      }),
    );

    const [dispatched] = await kafka.eventually(Topics.SurveyDispatched, (e) => e.recoveryOfResponseId === held);
    expect(dispatched.message.customerId).toBe('hugo');
    expect(smtp.to('hugo@example.nl').map((mail) => mail.subject)).toEqual([
      'U was eerder niet tevreden over ons. Hoe is dat nu?',
    ]);
    expect(await recovery(held)).toEqual([{ status: 'scheduled', reason: null, follow_up_group: 'holdout' }]);
    expect(await recovery(old)).toEqual([]);
    expect(smtp.to('tim@example.com')).toHaveLength(0);
  });

  it('keeps an opt-out: the re-survey is suppressed and recorded, nothing is sent', async () => {
    const responseId = randomUUID();
    await bed.publish(Topics.CaseResolved, anEvent(Topics.CaseResolved, { customerId: 'olga', responseId }));

    await expectEventually(async () =>
      expect(await recovery(responseId)).toEqual([
        { status: 'suppressed', reason: 'OPTED_OUT', follow_up_group: 'followed-up' },
      ]),
    );
    expect(smtp.to('olga@example.com')).toHaveLength(0);
    const suppressions = await bed.rows(
      `SELECT reason FROM "${bed.schema}".suppressions WHERE touchpoint_type = 'recovery' AND touchpoint_id = $1`,
      [responseId],
    );
    expect(suppressions).toEqual([{ reason: 'OPTED_OUT' }]);
  });
});
