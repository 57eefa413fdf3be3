import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import { expectEventually } from '@nps/testing';
import { BusinessHoursCalculator } from '../src/calendar/business-hours.calculator';
import { call, CaseManagementBed, type CaseManagementInstance } from './support/case-management.bed';
import { aDetractorIdentified } from './support/detractor-identified.builder';
import { SmtpReceiver, WebhookReceiver } from './support/notification.receivers';
import { setUpTeam } from './support/ops.fixtures';
import { readTopics } from './support/topic.reader';

const WEBHOOK_SECRET = `whsec_${Buffer.from('case-intake-test-secret').toString('base64')}`;
const AMSTERDAM = { timeZone: 'Europe/Amsterdam', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00', holidays: [] };

/** Verifies a Standard Webhooks signature the way a receiver would, independently of the service's signer. */
function signatureValid(headers: Record<string, string>, body: string): boolean {
  const key = Buffer.from(WEBHOOK_SECRET.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest();
  return headers['webhook-signature'].split(' ').some((signature) => {
    const [version, value] = signature.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe('case intake: detractor → one routed, tagged, timed case, and its owner is notified', () => {
  const bed = CaseManagementBed.register();
  const smtp = new SmtpReceiver();
  // The first delivery fails: the notification is retried with backoff.
  const webhook = new WebhookReceiver(1);
  let service: CaseManagementInstance;
  let admin: string;

  const caseOf = async (responseId: string) => (await bed.rows('SELECT * FROM $schema.cases WHERE response_id = $1', [responseId]))[0];
  const tagged = (customerId: string, responseId: string, revision: number, tagIds: string[]) => ({
    eventId: randomUUID(),
    occurredAt: timestampFromDate(new Date()),
    customerId,
    responseId,
    revision,
    language: 'nl',
    tags: tagIds.map((tagId) => ({ tagId, polarity: 1, confidence: 0.9 })),
  });

  beforeAll(async () => {
    await smtp.start();
    await webhook.start();
    service = await bed.start({
      SMTP_URL: smtp.url,
      NOTIFY_WEBHOOK_URL: webhook.url,
      NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      NOTIFY_INTERVAL_MS: '100',
      NOTIFY_RETRY_BACKOFF_MS: '100',
      NOTIFY_MAX_ATTEMPTS: '3',
    });
    admin = bed.token({ sub: 'admin-1', roles: ['admin'] });
    await setUpTeam(bed, service.url, {
      id: 'benelux-care',
      members: [{ id: 'anna' }, { id: 'bram' }, { id: 'chris' }],
      rule: { id: 'benelux', position: 10, conditions: { regions: ['benelux'] } },
    });
  }, 120000);

  afterAll(async () => {
    await smtp.stop();
    await webhook.stop();
  });

  it('opens one case for the account owner, tagged delivery, with business-hours deadlines, and notifies the owner by email and signed webhook', async () => {
    const detractor = aDetractorIdentified().withScore(2).withComment('De levering was twee weken te laat').withFacts({ accountOwnerId: 'anna' }).build();
    // Tagging is faster than scoring here: the tags arrive first and wait for the case.
    await bed.publish(Topics.ResponseTagged, [tagged(detractor.customerId ?? '', detractor.responseId ?? '', 0, ['delivery'])]);
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

    const mail = await expectEventually(() => {
      const [received] = smtp.to('anna@example.com');
      expect(received).toBeDefined();
      return received;
    });
    expect(mail.subject).toContain('New NPS follow-up case (score 2, high)');
    expect(mail.text).toContain('De levering was twee weken te laat');
    expect(mail.text).toContain(`${opened.id}`);

    const delivery = await expectEventually(() => {
      const found = webhook.deliveries.find((d) => JSON.parse(d.body).case_id === opened.id);
      expect(found).toBeDefined();
      return found as NonNullable<typeof found>;
    });
    expect(signatureValid(delivery.headers, delivery.body)).toBe(true);
    expect(signatureValid({ ...delivery.headers }, delivery.body.replace('anna', 'mallory'))).toBe(false);
    expect(JSON.parse(delivery.body)).toMatchObject({ owner_id: 'anna', kind: 'assigned' });
    expect(JSON.parse(delivery.body).text).toContain('New NPS follow-up case');

    const detail = await call(service.url, 'GET', `/cases/${opened.id}`, admin);
    expect(detail.status).toBe(200);
    const webhookNotification = detail.body.notifications.find((n: { channel: string }) => n.channel === 'webhook');
    expect(webhookNotification).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(detail.body.notifications.find((n: { channel: string }) => n.channel === 'email')).toMatchObject({ status: 'sent', target: 'anna@example.com' });
  });

  it('takes the least-loaded available member when the account owner is on leave, ties in turn', async () => {
    const onLeave = await call(service.url, 'PATCH', '/members/anna', admin, { available: false });
    expect(onLeave.status).toBe(200);
    const first = aDetractorIdentified().withFacts({ accountOwnerId: 'anna' }).build();
    const second = aDetractorIdentified().withFacts({ accountOwnerId: 'anna' }).build();
    await bed.publish(Topics.DetractorIdentified, [first]);
    const a = await expectEventually(async () => (await caseOf(first.responseId ?? '')) ?? Promise.reject(new Error('no case yet')));
    await bed.publish(Topics.DetractorIdentified, [second]);
    const b = await expectEventually(async () => (await caseOf(second.responseId ?? '')) ?? Promise.reject(new Error('no case yet')));

    expect(a).toMatchObject({ assignment_reason: 'least_loaded', assignment_detail: 'least loaded: 0 open (account owner unavailable)' });
    expect(b).toMatchObject({ assignment_reason: 'least_loaded', assignment_detail: 'least loaded: 0 open (account owner unavailable)' });
    expect([a.owner_id, b.owner_id].sort()).toEqual(['bram', 'chris']);
    await call(service.url, 'PATCH', '/members/anna', admin, { available: true });
  });

  it('has no second effect for a redelivery or for another event about the same response', async () => {
    const detractor = aDetractorIdentified().build();
    await bed.publish(Topics.DetractorIdentified, [detractor, detractor, { ...detractor, eventId: randomUUID() }]);
    const marker = aDetractorIdentified().forCustomer(detractor.customerId ?? '').build();
    await bed.publish(Topics.DetractorIdentified, [marker]); // same key: applied after the three above
    await expectEventually(async () => expect(await caseOf(marker.responseId ?? '')).toBeDefined());
    expect(await bed.rows('SELECT id FROM $schema.cases WHERE response_id = $1', [detractor.responseId])).toHaveLength(1);
    const [{ count }] = await bed.rows<{ count: string }>(
      `SELECT count(*) FROM $schema.case_activities a JOIN $schema.cases c ON c.id = a.case_id WHERE c.response_id = $1 AND a.kind = 'opened'`,
      [detractor.responseId],
    );
    expect(Number(count)).toBe(1);
  });

  it('attaches tags and a revised comment that arrive after the case; a revision to a promoter adds a note and keeps the case open', async () => {
    const detractor = aDetractorIdentified().withScore(4).withComment('Slecht').build();
    const { customerId = '', responseId = '' } = detractor;
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    await expectEventually(async () => expect(await caseOf(responseId)).toBeDefined());

    await bed.publish(Topics.ResponseTagged, [tagged(customerId, responseId, 0, ['support', 'wait-time'])]);
    await bed.publish(Topics.ResponseRevised, [
      { eventId: randomUUID(), occurredAt: timestampFromDate(new Date()), customerId, responseId, revision: 1, score: 4, previousScore: 4, comment: 'Slecht, niemand nam op', revisedAt: timestampFromDate(new Date()) },
    ]);
    await expectEventually(async () => expect(await caseOf(responseId)).toMatchObject({ tag_ids: ['support', 'wait-time'], comment: 'Slecht, niemand nam op' }));

    await bed.publish(Topics.DetractorIdentified, [aDetractorIdentified().forCustomer(customerId).forResponse(responseId).revised(2, 9).build()]);
    await expectEventually(async () => {
      const notes = await bed.rows(`SELECT a.detail FROM $schema.case_activities a JOIN $schema.cases c ON c.id = a.case_id WHERE c.response_id = $1 AND a.kind = 'note_added'`, [responseId]);
      expect(notes).toHaveLength(1);
      expect(JSON.stringify(notes[0].detail)).toContain('no longer a detractor');
    });
    expect(await caseOf(responseId)).toMatchObject({ status: 'open', score: 4, revision: 2 });
  });

  it('routes to the default team of a fresh install when no rule matches', async () => {
    const detractor = aDetractorIdentified().withFacts({ region: 'dach' }).build();
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    const opened = await expectEventually(async () => (await caseOf(detractor.responseId ?? '')) ?? Promise.reject(new Error('no case yet')));
    expect(opened).toMatchObject({ team_id: 'customer-care', rule_id: null, owner_id: null, assignment_reason: 'no_member_available' });
  });

  it("shows the customer story on the case: name, CRM facts, scores over time, comments and previous cases with outcomes", async () => {
    const customerId = `story-${randomUUID().slice(0, 8)}`;
    const at = (iso: string) => timestampFromDate(new Date(iso));
    await bed.publish(Topics.CustomerUpserted, [
      { eventId: randomUUID(), occurredAt: at('2026-01-01T00:00:00Z'), customerId, name: 'Bakkerij de Vries', segment: 'smb', region: 'benelux', tier: 'gold', accountOwnerId: 'anna', attributes: { contract: 'annual' } },
    ]);
    const earlier = aDetractorIdentified().forCustomer(customerId).withScore(5).withComment('Te duur').build();
    await bed.publish(Topics.ResponseScored, [
      { eventId: randomUUID(), occurredAt: at('2025-06-01T10:00:00Z'), customerId, responseId: randomUUID(), score: 9, category: 1, answeredAt: at('2025-06-01T10:00:00Z') },
    ]);
    await bed.publish(Topics.DetractorIdentified, [earlier]);
    const first = await expectEventually(async () => (await caseOf(earlier.responseId ?? '')) ?? Promise.reject(new Error('no case yet')));
    await bed.rows(`UPDATE $schema.cases SET status = 'closed', outcome = 'recovered', root_cause_tag_id = 'price' WHERE id = $1`, [first.id]);
    const latest = aDetractorIdentified().forCustomer(customerId).withScore(1).withComment('Weer te laat').build();
    await bed.publish(Topics.DetractorIdentified, [latest]);
    const second = await expectEventually(async () => (await caseOf(latest.responseId ?? '')) ?? Promise.reject(new Error('no case yet')));

    const story = (await call(service.url, 'GET', `/cases/${second.id}`, admin)).body.customerStory;
    expect(story).toMatchObject({ customerId, name: 'Bakkerij de Vries', crmAttributes: { contract: 'annual' }, facts: { accountOwnerId: 'anna' } });
    expect(story.scores.map((s: { score: number }) => s.score)).toEqual([9, 5, 1]);
    expect(story.comments.map((c: { comment: string }) => c.comment)).toEqual(['Te duur', 'Weer te laat']);
    expect(story.previousCases).toEqual([expect.objectContaining({ id: first.id, outcome: 'recovered', rootCauseTagId: 'price', score: 5 })]);
  });

  it('publishes its case events to Kafka with ids, tags and scores, never the comment', async () => {
    const annaCaseId = (await bed.rows<{ id: string }>(`SELECT id FROM $schema.cases WHERE comment = 'De levering was twee weken te laat'`))[0].id;
    const seen = await readTopics(bed, [Topics.CaseOpened, Topics.CaseAssigned, Topics.CaseUpdated], (records) =>
      records.length >= 12 && records.some((r) => r.key === annaCaseId && (r.event as { tagIds?: string[] }).tagIds?.includes('delivery')),
    );
    const opened = seen.filter((r) => r.topic === Topics.CaseOpened.name);
    const annaCase = opened.map((r) => r.event as { caseId: string; ownerId: string; tagIds: string[]; score: number }).find((e) => e.caseId === annaCaseId);
    expect(annaCase).toMatchObject({ ownerId: 'anna', score: 2 });
    // Tagged at opening, or by the update that followed when the tags came second.
    const tagsOfAnnaCase = seen.filter((r) => r.key === annaCase?.caseId).map((r) => (r.event as { tagIds: string[] }).tagIds);
    expect(tagsOfAnnaCase).toContainEqual(['delivery']);
    expect(seen.filter((r) => r.topic === Topics.CaseAssigned.name).length).toBeGreaterThanOrEqual(4);
    for (const record of seen) expect(record.raw.toString('utf8')).not.toMatch(/levering|Slecht|example\.com/);
  });

});
