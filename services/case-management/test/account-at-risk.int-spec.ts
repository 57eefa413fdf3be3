import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import { anEvent, anEventRecord, expectEventually, serviceBed, SmtpInbox } from '@nps/testing';
import { opsIssuer } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

// Detractor cases of one B2B account within the window → one AccountAtRisk and one note to the account owner, once
// per account per window (docs/outer-loop.md, Accounts).
describe('account at risk', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const kafka = bed.probe(Topics.AccountAtRisk, Topics.CaseOpened);
  const issuer = opsIssuer();
  let smtp: SmtpInbox;

  const customer = (customerId: string, accountId: string) =>
    anEvent(Topics.CustomerUpserted, {
      customerId,
      accountId,
      accountOwnerId: 'kam-1',
      region: 'b2b',
      occurredAt: timestampFromDate(new Date('2026-01-01T00:00:00Z')),
    });
  // Scoring's facts carry no account here: case-management's own projection supplies it.
  const detractor = (customerId: string) =>
    anEvent(Topics.DetractorIdentified, {
      customerId,
      customer: { language: 'en', segment: 'enterprise', region: 'b2b', tier: 'gold', accountOwnerId: 'kam-1' },
    });
  const caseOpened = (responseId: string) =>
    expectEventually(async () => {
      const rows = await bed.rows(
        'SELECT case_id FROM $schema.account_cases a JOIN $schema.cases c ON c.id = a.case_id WHERE c.response_id = $1',
        [responseId],
      );
      expect(rows).toHaveLength(1);
    });
  const alerts = () => kafka.events(Topics.AccountAtRisk).map((seen) => seen.message);

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    const service = await bed.start({ SMTP_URL: smtp.url, NOTIFY_INTERVAL_MS: '100', ...issuer.env });
    await setUpTeam(service.url, await issuer.token('adam'), {
      id: 'b2b-team',
      members: [{ id: 'kam-1' }, { id: 'agent-b' }],
      rule: { id: 'b2b', position: 1, conditions: { regions: ['b2b'] } },
    });
    await bed.publish(Topics.CustomerUpserted, [
      customer('acme-1', 'acme'),
      customer('acme-2', 'acme'),
      customer('acme-3', 'acme'),
      customer('globex-1', 'globex'),
      customer('solo', ''),
    ]);
    await expectEventually(async () =>
      expect(await bed.rows(`SELECT 1 FROM $schema.customers WHERE account_id = 'acme'`)).toHaveLength(3),
    );
  }, 120000);

  afterAll(async () => {
    await smtp?.stop();
  });

  it('flags an account at its third detractor within the window once, and tells its owner once', async () => {
    const first = [detractor('acme-1'), detractor('acme-2'), detractor('globex-1'), detractor('solo')];
    await bed.publish(Topics.DetractorIdentified, first);
    for (const event of first.slice(0, 3)) await caseOpened(event.responseId);
    expect(alerts()).toHaveLength(0);

    // The third acme detractor, delivered twice: the redelivery opens no second case and counts nothing.
    const third = anEventRecord(Topics.DetractorIdentified, detractor('acme-3'));
    await bed.publishRecords([third, third]);
    const [atRisk] = await kafka.eventually(Topics.AccountAtRisk, (e) => e.accountId === 'acme');
    expect(atRisk.key).toBe('acme');
    expect(atRisk.message).toMatchObject({
      accountId: 'acme',
      accountOwnerId: 'kam-1',
      detractorCount: 3,
      windowDays: 30,
    });
    const acmeCases = await bed.rows<{ id: string }>(
      `SELECT id FROM $schema.cases WHERE customer_id LIKE 'acme-%' ORDER BY opened_at`,
    );
    expect([...atRisk.message.caseIds].sort()).toEqual(acmeCases.map((row) => row.id).sort());
    // kam-1 also gets the usual case assignments (the account owner is preferred by routing).
    const riskMails = () => smtp.to('kam-1@example.com').filter((m) => m.subject?.startsWith('Account at risk'));
    const [mail] = await expectEventually(() => {
      expect(riskMails()).toHaveLength(1);
      return riskMails();
    });
    expect(mail.subject).toBe('Account at risk: acme (3 detractors in 30 days)');
    expect(mail.text).toContain('account acme gave 3 detractor answers within 30 days');

    // A fourth within the same window: its case opens, no second alert, no second note.
    const fourth = detractor('acme-1');
    await bed.publish(Topics.DetractorIdentified, fourth);
    await caseOpened(fourth.responseId);
    await bed.outboxDrained();
    expect(await bed.topicSize(Topics.AccountAtRisk)).toBe(1);
    expect(alerts()).toHaveLength(1);
    expect(await bed.rows(`SELECT 1 FROM $schema.account_risk_alerts`)).toHaveLength(1);
    expect(await bed.rows(`SELECT 1 FROM $schema.notifications WHERE kind = 'account_at_risk'`)).toHaveLength(1);
    expect(riskMails()).toHaveLength(1);
  });

  it('flags the account again once the window has passed and the threshold is reached anew', async () => {
    // A month goes by: the alert and the cases counted so far fall out of the window.
    await bed.rows(`UPDATE $schema.account_risk_alerts SET alerted_at = alerted_at - interval '31 days'`);
    await bed.rows(`UPDATE $schema.account_cases SET opened_at = opened_at - interval '31 days'`);
    const next = [detractor('acme-2'), detractor('acme-3')];
    await bed.publish(Topics.DetractorIdentified, next);
    for (const event of next) await caseOpened(event.responseId);
    expect(alerts()).toHaveLength(1);

    await bed.publish(Topics.DetractorIdentified, detractor('acme-1'));
    await kafka.eventually(Topics.AccountAtRisk, (e) => e.accountId === 'acme', 2);
    expect(alerts().map((alert) => alert.detractorCount)).toEqual([3, 3]);
    expect(alerts().some((alert) => alert.accountId === 'globex')).toBe(false);
  });
});
