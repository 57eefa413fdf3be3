import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import {
  anEvent,
  expectEventually,
  HttpReceiver,
  serviceBed,
  type ServiceInstance,
  SmtpInbox,
  standardWebhookSignatureValid,
  callJson,
} from '@nps/testing';
import { BusinessHoursCalculator } from '../src/calendar/business-hours.calculator';
import { formatDeadline } from '../src/notifications/deadline.format';
import { opsIssuer } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

const WEBHOOK_SECRET = `whsec_${Buffer.from('case-intake-test-secret').toString('base64')}`;
const AMSTERDAM = {
  timeZone: 'Europe/Amsterdam',
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '17:00',
  holidays: [],
};

describe('case intake: detractor → one routed, tagged, timed case, and its owner is notified', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer();
  let smtp: SmtpInbox;
  let webhook: HttpReceiver;
  let service: ServiceInstance;
  let admin: string;

  const caseOf = async (responseId: string) =>
    (await bed.rows('SELECT * FROM $schema.cases WHERE response_id = $1', [responseId]))[0];
  const tagged = (customerId: string, responseId: string, revision: number, tagIds: string[]) =>
    anEvent(Topics.ResponseTagged, {
      customerId,
      responseId,
      revision,
      language: 'nl',
      tags: tagIds.map((tagId) => ({ tagId, polarity: 1, confidence: 0.9 })),
    });

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    webhook = await HttpReceiver.start();
    // The first delivery fails: the notification is retried with backoff.
    webhook.respondWith(503);
    service = await bed.start({
      SMTP_URL: smtp.url,
      NOTIFY_WEBHOOK_URL: webhook.url('/hooks/cases'),
      NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      NOTIFY_INTERVAL_MS: '100',
      NOTIFY_RETRY_BACKOFF_MS: '100',
      NOTIFY_MAX_ATTEMPTS: '3',
      ...issuer.env,
    });
    admin = await issuer.token('adam');
    await setUpTeam(service.url, admin, {
      id: 'benelux-care',
      members: [{ id: 'anna' }, { id: 'bram' }, { id: 'chris' }],
      rule: { id: 'benelux', position: 10, conditions: { regions: ['benelux'] } },
      language: 'nl',
    });
  }, 120000);

  afterAll(async () => {
    await smtp?.stop();
    await webhook?.stop();
  });

  it('opens one case for the account owner, tagged delivery, with business-hours deadlines, and notifies the owner by email and signed webhook', async () => {
    const detractor = anEvent(Topics.DetractorIdentified, {
      score: 2,
      comment: 'De levering was twee weken te laat',
      customer: { accountOwnerId: 'anna' },
    });
    // Tagging is faster than scoring here: the tags arrive first and wait for the case.
    await bed.publish(Topics.ResponseTagged, [
      tagged(detractor.customerId ?? '', detractor.responseId ?? '', 0, ['delivery']),
    ]);
    await bed.publish(Topics.DetractorIdentified, [detractor]);

    // The two topics are consumed independently: whichever is applied first, the case ends up tagged.
    const opened = await expectEventually(async () => {
      const row = await caseOf(detractor.responseId ?? '');
      expect(row).toMatchObject({ tag_ids: ['delivery'] });
      return row;
    });
    expect(opened).toMatchObject({
      team_id: 'benelux-care',
      owner_id: 'anna',
      status: 'open',
      priority: 'high',
      score: 2,
      comment: 'De levering was twee weken te laat',
      tag_ids: ['delivery'],
      rule_id: 'benelux',
      assignment_reason: 'account_owner',
      assignment_detail: 'account owner',
      touchpoint_type: 'order-delivered',
      channel: 'email',
    });
    const openedAt = opened.opened_at as Date;
    expect(opened.first_contact_due_at).toEqual(BusinessHoursCalculator.addWorkingMinutes(openedAt, 240, AMSTERDAM));
    expect(opened.resolution_due_at).toEqual(BusinessHoursCalculator.addWorkingMinutes(openedAt, 960, AMSTERDAM));

    const mail = await smtp.waitFor('anna@example.com');
    // The team reads Dutch, with deadlines in its time zone and in ISO 8601.
    expect(mail.subject).toContain('Nieuwe NPS-opvolgzaak (score 2, high)');
    expect(mail.text).toContain('De levering was twee weken te laat');
    const due = (at: Date) => formatDeadline(at, openedAt, AMSTERDAM.timeZone, 'nl');
    const deadlines = `Eerste contact uiterlijk ${due(opened.first_contact_due_at as Date)}, oplossing uiterlijk ${due(
      opened.resolution_due_at as Date,
    )}.`;
    expect(mail.text).toContain(deadlines);
    expect(mail.text).toContain(`(Europe/Amsterdam, ${(opened.first_contact_due_at as Date).toISOString()})`);
    expect(mail.text).toContain(`${opened.id}`);

    // The receiver records every request: the one answered 503, then its retry.
    const [failed, delivery] = await expectEventually(() => {
      const attempts = webhook.requests.filter((request) => JSON.parse(request.body).case_id === opened.id);
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      return attempts;
    });
    expect(webhook.requests[0]).toBe(failed); // the first request of all is the one the scripted 503 answered
    for (const attempt of [failed, delivery]) expect(attempt).toMatchObject({ method: 'POST', path: '/hooks/cases' });
    // The retry is the same message again: same webhook-id, so the receiver can drop a duplicate.
    expect(delivery.headers['webhook-id']).toBeTruthy();
    expect(delivery.headers['webhook-id']).toBe(failed.headers['webhook-id']);
    expect(delivery.body).toBe(failed.body);
    expect(standardWebhookSignatureValid(WEBHOOK_SECRET, failed.headers, failed.body)).toBe(true);
    expect(standardWebhookSignatureValid(WEBHOOK_SECRET, delivery.headers, delivery.body)).toBe(true);
    expect(
      standardWebhookSignatureValid(WEBHOOK_SECRET, delivery.headers, delivery.body.replace('anna', 'mallory')),
    ).toBe(false);
    expect(JSON.parse(delivery.body)).toMatchObject({ owner_id: 'anna', kind: 'assigned' });
    expect(JSON.parse(delivery.body).text).toContain('Nieuwe NPS-opvolgzaak');
    expect(JSON.parse(delivery.body).text).toContain(deadlines);

    // The receiver records a request before it answers: the service marks it sent after the answer.
    await expectEventually(async () => {
      const detail = await callJson(service.url, 'GET', `/cases/${opened.id}`, admin);
      expect(detail.status).toBe(200);
      const webhookNotification = detail.body.notifications.find((n: { channel: string }) => n.channel === 'webhook');
      expect(webhookNotification).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      expect(detail.body.notifications.find((n: { channel: string }) => n.channel === 'email')).toMatchObject({
        status: 'sent',
        target: 'anna@example.com',
      });
    });
  });

  it('takes the least-loaded available member when the account owner is on leave, ties in turn', async () => {
    const onLeave = await callJson(service.url, 'PATCH', '/members/anna', admin, { available: false });
    expect(onLeave.status).toBe(200);
    const first = anEvent(Topics.DetractorIdentified, { customer: { accountOwnerId: 'anna' } });
    const second = anEvent(Topics.DetractorIdentified, { customer: { accountOwnerId: 'anna' } });
    await bed.publish(Topics.DetractorIdentified, [first]);
    const a = await expectEventually(
      async () => (await caseOf(first.responseId ?? '')) ?? Promise.reject(new Error('no case yet')),
    );
    await bed.publish(Topics.DetractorIdentified, [second]);
    const b = await expectEventually(
      async () => (await caseOf(second.responseId ?? '')) ?? Promise.reject(new Error('no case yet')),
    );

    expect(a).toMatchObject({
      assignment_reason: 'least_loaded',
      assignment_detail: 'least loaded: 0 open (account owner unavailable)',
    });
    expect(b).toMatchObject({
      assignment_reason: 'least_loaded',
      assignment_detail: 'least loaded: 0 open (account owner unavailable)',
    });
    expect([a.owner_id, b.owner_id].sort()).toEqual(['bram', 'chris']);
    await callJson(service.url, 'PATCH', '/members/anna', admin, { available: true });
  });

  it('has no second effect for a redelivery or for another event about the same response', async () => {
    const detractor = anEvent(Topics.DetractorIdentified);
    await bed.publish(Topics.DetractorIdentified, [detractor, detractor, { ...detractor, eventId: randomUUID() }]);
    const marker = anEvent(Topics.DetractorIdentified, { customerId: detractor.customerId ?? '' });
    await bed.publish(Topics.DetractorIdentified, [marker]); // same key: applied after the three above
    await expectEventually(async () => expect(await caseOf(marker.responseId ?? '')).toBeDefined());
    expect(await bed.rows('SELECT id FROM $schema.cases WHERE response_id = $1', [detractor.responseId])).toHaveLength(
      1,
    );
    const [{ count }] = await bed.rows<{ count: string }>(
      `SELECT count(*) FROM $schema.case_activities a JOIN $schema.cases c ON c.id = a.case_id WHERE c.response_id = $1 AND a.kind = 'opened'`,
      [detractor.responseId],
    );
    expect(Number(count)).toBe(1);
  });

  it('attaches tags and a revised comment that arrive after the case; a revision to a promoter adds a note and keeps the case open', async () => {
    const detractor = anEvent(Topics.DetractorIdentified, { score: 4, comment: 'Slecht' });
    const { customerId = '', responseId = '' } = detractor;
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    await expectEventually(async () => expect(await caseOf(responseId)).toBeDefined());

    await bed.publish(Topics.ResponseTagged, [tagged(customerId, responseId, 0, ['support', 'wait-time'])]);
    const revised = {
      customerId,
      responseId,
      revision: 1,
      score: 4,
      previousScore: 4,
      comment: 'Slecht, niemand nam op',
    };
    await bed.publish(Topics.ResponseRevised, [anEvent(Topics.ResponseRevised, revised)]);
    await expectEventually(async () =>
      expect(await caseOf(responseId)).toMatchObject({
        tag_ids: ['support', 'wait-time'],
        comment: 'Slecht, niemand nam op',
      }),
    );
    const tagChanges = await bed.rows(
      `SELECT a.actor_id, a.detail FROM $schema.case_activities a JOIN $schema.cases c ON c.id = a.case_id
       WHERE c.response_id = $1 AND a.kind = 'tags_changed'`,
      [responseId],
    );
    expect(tagChanges).toEqual([
      { actor_id: '', detail: { tagIds: ['support', 'wait-time'], previous: [], revision: 0 } },
    ]);

    const promoter = anEvent(Topics.DetractorIdentified, {
      customerId,
      responseId,
      revision: 2,
      score: 9,
      withdrawn: true,
    });
    await bed.publish(Topics.DetractorIdentified, [promoter]);
    await expectEventually(async () => {
      const notes = await bed.rows(
        `SELECT a.detail FROM $schema.case_activities a JOIN $schema.cases c ON c.id = a.case_id WHERE c.response_id = $1 AND a.kind = 'note_added'`,
        [responseId],
      );
      expect(notes).toHaveLength(1);
      expect(JSON.stringify(notes[0].detail)).toContain('no longer a detractor');
    });
    expect(await caseOf(responseId)).toMatchObject({ status: 'open', score: 4, revision: 2 });
  });

  it('routes to the default team of a fresh install when no rule matches', async () => {
    const detractor = anEvent(Topics.DetractorIdentified, { customer: { region: 'dach' } });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    const opened = await expectEventually(
      async () => (await caseOf(detractor.responseId ?? '')) ?? Promise.reject(new Error('no case yet')),
    );
    expect(opened).toMatchObject({
      team_id: 'customer-care',
      rule_id: null,
      owner_id: null,
      assignment_reason: 'no_member_available',
    });
  });

  it('shows the customer story on the case: name, CRM facts, scores over time, comments and previous cases with outcomes', async () => {
    const customerId = `story-${randomUUID().slice(0, 8)}`;
    const at = (iso: string) => timestampFromDate(new Date(iso));
    await bed.publish(Topics.CustomerUpserted, [
      anEvent(Topics.CustomerUpserted, {
        occurredAt: at('2026-01-01T00:00:00Z'),
        customerId,
        name: 'Bakkerij de Vries',
        segment: 'smb',
        region: 'benelux',
        tier: 'gold',
        accountOwnerId: 'anna',
        attributes: { contract: 'annual' },
      }),
    ]);
    const earlier = anEvent(Topics.DetractorIdentified, { customerId, score: 5, comment: 'Te duur' });
    const answeredAt = at('2025-06-01T10:00:00Z');
    await bed.publish(Topics.ResponseScored, [
      anEvent(Topics.ResponseScored, { occurredAt: answeredAt, customerId, score: 9, category: 1, answeredAt }),
    ]);
    await bed.publish(Topics.DetractorIdentified, [earlier]);
    const first = await expectEventually(
      async () => (await caseOf(earlier.responseId ?? '')) ?? Promise.reject(new Error('no case yet')),
    );
    await bed.rows(
      `UPDATE $schema.cases SET status = 'closed', outcome = 'recovered', root_cause_tag_id = 'price' WHERE id = $1`,
      [first.id],
    );
    const latest = anEvent(Topics.DetractorIdentified, { customerId, score: 1, comment: 'Weer te laat' });
    await bed.publish(Topics.DetractorIdentified, [latest]);
    const second = await expectEventually(
      async () => (await caseOf(latest.responseId ?? '')) ?? Promise.reject(new Error('no case yet')),
    );

    const story = (await callJson(service.url, 'GET', `/cases/${second.id}`, admin)).body.customerStory;
    expect(story).toMatchObject({
      customerId,
      name: 'Bakkerij de Vries',
      crmAttributes: { contract: 'annual' },
      facts: { accountOwnerId: 'anna' },
    });
    expect(story.scores.map((s: { score: number }) => s.score)).toEqual([9, 5, 1]);
    expect(story.comments.map((c: { comment: string }) => c.comment)).toEqual(['Te duur', 'Weer te laat']);
    expect(story.previousCases).toEqual([
      expect.objectContaining({ id: first.id, outcome: 'recovered', rootCauseTagId: 'price', score: 5 }),
    ]);
  });

  it('publishes its case events to Kafka with ids, tags and scores, never the comment', async () => {
    const annaCaseId = (
      await bed.rows<{ id: string }>(
        `SELECT id FROM $schema.cases WHERE comment = 'De levering was twee weken te laat'`,
      )
    )[0].id;
    const probe = bed.probe(Topics.CaseOpened, Topics.CaseAssigned, Topics.CaseUpdated);
    await probe.ready();
    const seen = () => ({
      opened: probe.events(Topics.CaseOpened),
      assigned: probe.events(Topics.CaseAssigned),
      updated: probe.events(Topics.CaseUpdated),
    });
    // Tagged at opening, or by the update that followed when the tags came second.
    const tagsOf = (caseId: string, { opened, updated }: ReturnType<typeof seen>) =>
      [...opened, ...updated].filter((e) => e.key === caseId).map((e) => e.message.tagIds);
    const { opened, assigned, updated } = await expectEventually(
      () => {
        const now = seen();
        expect(now.opened.length + now.assigned.length + now.updated.length).toBeGreaterThanOrEqual(12);
        expect(tagsOf(annaCaseId, now).some((tagIds) => tagIds.includes('delivery'))).toBe(true);
        expect(now.assigned.length).toBeGreaterThanOrEqual(4);
        return now;
      },
      { timeoutMs: 30000, intervalMs: 200 },
    );
    const annaCase = opened.find((e) => e.message.caseId === annaCaseId);
    expect(annaCase?.key).toBe(annaCaseId);
    expect(annaCase?.message).toMatchObject({ ownerId: 'anna', score: 2 });
    expect(tagsOf(annaCaseId, { opened, assigned, updated })).toContainEqual(['delivery']);
    for (const record of [...opened, ...assigned, ...updated])
      expect(record.bytes.toString('utf8')).not.toMatch(/levering|Slecht|example\.com/);
  });
});
