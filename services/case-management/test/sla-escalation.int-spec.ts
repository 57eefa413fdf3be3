import { Topics } from '@nps/contracts';
import {
  anEvent,
  expectEventually,
  freePort,
  serviceBed,
  type ServiceInstance,
  SmtpInbox,
  callJson,
} from '@nps/testing';
import { opsIssuer } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

// Two instances, each with its own SLA watcher sweeping every 100 ms: each breached deadline is
// escalated exactly once, first to the team lead, then to the escalation member.
describe('SLA escalation with two watching instances', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer();
  let smtp: SmtpInbox;
  let service: ServiceInstance;
  let admin: string;

  async function openCase(): Promise<string> {
    const detractor = anEvent(Topics.DetractorIdentified, { customer: { region: 'esc' } });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    return expectEventually(async () => {
      const [row] = await bed.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
  }

  const escalations = (caseId: string) =>
    bed.rows<{ detail: { level: number; reason: string; targetId: string } }>(
      `SELECT detail FROM $schema.case_activities WHERE case_id = $1 AND kind = 'escalated' ORDER BY id`,
      [caseId],
    );
  // Time passing: the deadlines are moved into the past, as the clock would.
  const overdue = (caseId: string, columns: string[]) =>
    bed.rows(
      `UPDATE $schema.cases SET ${columns.map((c) => `${c} = now() - interval '1 minute'`).join(', ')} WHERE id = $1`,
      [caseId],
    );

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    const closedPort = await freePort();
    const env = {
      SLA_WATCH_INTERVAL_MS: '100',
      SMTP_URL: smtp.url,
      NOTIFY_INTERVAL_MS: '100',
      NOTIFY_RETRY_BACKOFF_MS: '50',
      NOTIFY_MAX_ATTEMPTS: '2',
      ...issuer.env,
    };
    service = await bed.start(env);
    admin = await issuer.token('adam');
    await setUpTeam(service.url, admin, {
      id: 'esc-team',
      members: [{ id: 'agent-e' }, { id: 'lead-e' }, { id: 'boss' }],
      leadMemberId: 'lead-e',
      escalationMemberId: 'boss',
      // Nothing listens there: webhook notifications of this team fail.
      webhookUrl: `http://127.0.0.1:${closedPort}/hook`,
      rule: { id: 'esc', position: 1, conditions: { regions: ['esc'] } },
    });
    await callJson(service.url, 'PATCH', '/members/lead-e', admin, { available: false });
    await callJson(service.url, 'PATCH', '/members/boss', admin, { available: false });
    await bed.start(env);
  }, 120000);

  afterAll(async () => {
    await smtp?.stop();
  });

  it('escalates each breach once: first contact to the lead, resolution to the escalation member', async () => {
    const firstContactLate = await openCase();
    const bothLate = await openCase();
    await overdue(firstContactLate, ['first_contact_due_at']);
    await overdue(bothLate, ['first_contact_due_at', 'resolution_due_at']);

    await expectEventually(async () => {
      expect((await escalations(firstContactLate)).map((e) => e.detail)).toMatchObject([
        { level: 1, reason: 'FIRST_CONTACT_OVERDUE', targetId: 'lead-e' },
      ]);
      expect((await escalations(bothLate)).map((e) => e.detail)).toMatchObject([
        { level: 1, reason: 'FIRST_CONTACT_OVERDUE', targetId: 'lead-e' },
        { level: 2, reason: 'RESOLUTION_OVERDUE', targetId: 'boss' },
      ]);
    });

    // A breach made later is escalated too: both watchers have swept again since, and escalated nothing twice.
    const later = await openCase();
    await overdue(later, ['first_contact_due_at']);
    await expectEventually(async () => expect(await escalations(later)).toHaveLength(1));
    expect(await escalations(firstContactLate)).toHaveLength(1);
    expect(await escalations(bothLate)).toHaveLength(2);

    const probe = bed.probe(Topics.CaseEscalated);
    await probe.ready();
    const events = await probe.eventually(Topics.CaseEscalated, () => true, 4, 30000);
    const perCase = (caseId: string) => events.filter((e) => e.key === caseId).map((e) => e.message);
    expect(perCase(firstContactLate)).toMatchObject([{ level: 1, targetOwnerId: 'lead-e', reason: 1 }]);
    expect(perCase(bothLate)).toMatchObject([
      { level: 1, targetOwnerId: 'lead-e', reason: 1 },
      { level: 2, targetOwnerId: 'boss', reason: 2 },
    ]);
    expect(events).toHaveLength(4);

    await expectEventually(() => {
      expect(smtp.to('lead-e@example.com').filter((m) => m.subject?.startsWith('Escalated'))).toHaveLength(3);
      expect(smtp.to('boss@example.com').filter((m) => m.subject?.startsWith('Escalated'))).toHaveLength(1);
    });
  });

  it('shows a notification that could not be delivered on the case, with its error', async () => {
    const caseId = await openCase();
    const webhook = await expectEventually(async () => {
      const detail = await callJson(service.url, 'GET', `/cases/${caseId}`, admin);
      const found = detail.body.notifications.find((n: { channel: string }) => n.channel === 'webhook');
      expect(found).toMatchObject({ status: 'failed', attempts: 2, kind: 'assigned' });
      return found;
    });
    expect(webhook.lastError).toMatch(/fetch failed|ECONNREFUSED/);
  });
});
