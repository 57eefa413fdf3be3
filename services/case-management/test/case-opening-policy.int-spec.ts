import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CaseSkipReason, Channel, ResponseSource, Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, type ServiceInstance, callJson } from '@nps/testing';
import { holdoutDraw } from '../src/case-opening-policy/case-opening.decider';
import { opsIssuer } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => timestampFromDate(new Date(Date.now() - days * DAY_MS));
const DEFAULTS = { maxAnswerAgeDays: 14, excludedSources: ['import'], excludedChannels: [], holdoutShare: 0 };

/** A response id the holdout draw puts below `share`: held out under that share, whatever the run. */
function heldOutId(share: number): string {
  for (;;) {
    const id = randomUUID();
    if (holdoutDraw(id) < share) return id;
  }
}

describe('case-opening policy: versions through the API, and detractors it skips', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const probe = bed.probe(Topics.CaseSkipped, Topics.CaseOpened);
  const issuer = opsIssuer();
  let service: ServiceInstance;
  let admin: string;

  const casesOf = (responseId: string) => bed.rows('SELECT id FROM $schema.cases WHERE response_id = $1', [responseId]);
  const skipsOf = (responseId: string) =>
    bed.rows('SELECT * FROM $schema.skipped_detractors WHERE response_id = $1', [responseId]);
  const skippedEvents = (responseId: string) =>
    probe.events(Topics.CaseSkipped).filter((seen) => seen.message.responseId === responseId);
  /** Publishes `events` then a fresh marker of the same customer, and waits for the marker's case: all were applied. */
  const applied = async (
    customerId: string,
    events: ReturnType<typeof anEvent<typeof Topics.DetractorIdentified.schema>>[],
  ) => {
    const marker = anEvent(Topics.DetractorIdentified, { customerId });
    await bed.publish(Topics.DetractorIdentified, [...events, marker]);
    await expectEventually(async () => expect(await casesOf(marker.responseId)).toHaveLength(1), { timeoutMs: 30000 });
  };

  beforeAll(async () => {
    service = await bed.start(issuer.env);
    admin = await issuer.token('adam');
    await setUpTeam(service.url, admin, {
      id: 'dach-care',
      members: [{ id: 'dora' }],
      rule: { id: 'dach', position: 10, conditions: { regions: ['dach'] } },
    });
  }, 120000);

  it('starts at version 1 with the defaults, readable by every ops role and by nobody else', async () => {
    for (const person of ['alice', 'lena', 'adam']) {
      const current = await callJson(service.url, 'GET', '/case-opening-policy', await issuer.token(person));
      expect(current).toMatchObject({ status: 200, body: { version: 1, changedBy: 'platform', ...DEFAULTS } });
    }
    expect((await callJson(service.url, 'GET', '/case-opening-policy')).status).toBe(401);
    expect((await callJson(service.url, 'GET', '/case-opening-policy', await issuer.token('nina'))).status).toBe(403);
  });

  it('lets only an admin add a version, refuses bad settings with 400 field messages, and keeps every version', async () => {
    const lead = await issuer.token('lena');
    expect((await callJson(service.url, 'PUT', '/case-opening-policy', lead, DEFAULTS)).status).toBe(403);
    const bad: [object, string][] = [
      [{ ...DEFAULTS, holdoutShare: 0.6 }, 'holdoutShare'],
      [{ ...DEFAULTS, holdoutShare: -0.1 }, 'holdoutShare'],
      [{ ...DEFAULTS, holdoutShare: '0.1' }, 'holdoutShare'],
      [{ ...DEFAULTS, maxAnswerAgeDays: 0 }, 'maxAnswerAgeDays'],
      [{ ...DEFAULTS, maxAnswerAgeDays: 1.5 }, 'maxAnswerAgeDays'],
      [{ ...DEFAULTS, excludedSources: ['fax'] }, 'excludedSources'],
      [{ ...DEFAULTS, excludedSources: 'import' }, 'excludedSources'],
      [{ ...DEFAULTS, excludedChannels: ['pigeon'] }, 'excludedChannels'],
      [{ maxAnswerAgeDays: 14 }, 'excludedSources'],
    ];
    for (const [body, field] of bad) {
      const refused = await callJson(service.url, 'PUT', '/case-opening-policy', admin, body);
      expect(refused.status).toBe(400);
      expect(refused.contentType).toContain('application/problem+json');
      expect(JSON.stringify(refused.body)).toContain(field);
    }
    const changed = await callJson(service.url, 'PUT', '/case-opening-policy', admin, {
      ...DEFAULTS,
      maxAnswerAgeDays: 30,
      excludedChannels: ['sms'],
    });
    expect(changed).toMatchObject({ status: 200, body: { version: 2, changedBy: 'adam', maxAnswerAgeDays: 30 } });
    const versions = await callJson(service.url, 'GET', '/case-opening-policy/versions', await issuer.token('alice'));
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body[1]).toMatchObject({ version: 1, ...DEFAULTS });
    const restored = await callJson(service.url, 'PUT', '/case-opening-policy', admin, DEFAULTS);
    expect(restored.body).toMatchObject({ version: 3, ...DEFAULTS });
  });

  it('skips an old answer exactly once, with its event; a revision of it stays skipped and publishes nothing', async () => {
    const customerId = `c-${randomUUID()}`;
    const old = anEvent(Topics.DetractorIdentified, { customerId, answeredAt: daysAgo(400), score: 3 });
    await applied(customerId, [old, old, { ...old, eventId: randomUUID() }]);
    const revised = anEvent(Topics.DetractorIdentified, {
      customerId,
      responseId: old.responseId,
      revision: 1,
      score: 1,
      answeredAt: daysAgo(0),
    });
    await applied(customerId, [revised]);

    expect(await casesOf(old.responseId)).toHaveLength(0);
    expect(await skipsOf(old.responseId)).toEqual([
      expect.objectContaining({ reason: 'ANSWER_TOO_OLD', detail: 'answer older than 14 days', policy_version: 3 }),
    ]);
    await probe.eventually(Topics.CaseSkipped, (message) => message.responseId === old.responseId);
    await bed.outboxDrained();
    expect(skippedEvents(old.responseId)).toHaveLength(1);
    expect(skippedEvents(old.responseId)[0]).toMatchObject({
      key: customerId,
      message: { reason: CaseSkipReason.ANSWER_TOO_OLD, score: 3, policyVersion: 3, teamId: '' },
    });
  });

  it('skips imports and excluded channels, opens for an old import asked to be followed up, skips recovery re-surveys', async () => {
    const customerId = `c-${randomUUID()}`;
    const imported = anEvent(Topics.DetractorIdentified, { customerId, source: ResponseSource.IMPORT });
    const requested = anEvent(Topics.DetractorIdentified, {
      customerId,
      source: ResponseSource.IMPORT,
      answeredAt: daysAgo(700),
      followUpRequested: true,
    });
    const recovery = anEvent(Topics.DetractorIdentified, { customerId, recoveryOfResponseId: imported.responseId });
    await applied(customerId, [imported, requested, recovery]);
    expect(await casesOf(requested.responseId)).toHaveLength(1);
    expect(await casesOf(imported.responseId)).toHaveLength(0);
    expect((await skipsOf(imported.responseId))[0]).toMatchObject({ reason: 'SOURCE_EXCLUDED', source: 'import' });
    expect((await skipsOf(recovery.responseId))[0]).toMatchObject({ reason: 'RECOVERY_SURVEY' });

    await callJson(service.url, 'PUT', '/case-opening-policy', admin, { ...DEFAULTS, excludedChannels: ['sms'] });
    const sms = anEvent(Topics.DetractorIdentified, { customerId, channel: Channel.SMS });
    await applied(customerId, [sms]);
    expect((await skipsOf(sms.responseId))[0]).toMatchObject({ reason: 'CHANNEL_EXCLUDED', policy_version: 4 });
    await callJson(service.url, 'PUT', '/case-opening-policy', admin, DEFAULTS);
  });

  it('holds a detractor out after routing it: CaseSkipped HOLDOUT names the team the case would have gone to', async () => {
    const policy = await callJson(service.url, 'PUT', '/case-opening-policy', admin, {
      ...DEFAULTS,
      holdoutShare: 0.5,
    });
    expect(policy.status).toBe(200);
    const customerId = `c-${randomUUID()}`;
    const held = anEvent(Topics.DetractorIdentified, {
      customerId,
      responseId: heldOutId(0.5),
      customer: { region: 'dach' },
      touchpointType: 'store-visit',
    });
    await bed.publish(Topics.DetractorIdentified, [held]);
    const [seen] = await probe.eventually(Topics.CaseSkipped, (message) => message.responseId === held.responseId);
    expect(seen.message).toMatchObject({
      reason: CaseSkipReason.HOLDOUT,
      teamId: 'dach-care',
      policyVersion: policy.body.version,
      customerId,
      score: held.score,
      touchpointType: 'store-visit',
    });
    expect(seen.message.detail).toMatch(/control group/);
    expect(await casesOf(held.responseId)).toHaveLength(0);
    expect((await skipsOf(held.responseId))[0]).toMatchObject({ reason: 'HOLDOUT', team_id: 'dach-care' });
    expect(probe.events(Topics.CaseOpened).some((e) => e.message.responseId === held.responseId)).toBe(false);
    await callJson(service.url, 'PUT', '/case-opening-policy', admin, DEFAULTS);
  });

  it('summarises and lists the skips, a page at a time, to analysts, leads and admins', async () => {
    const analyst = await issuer.token('nina');
    const summary = await callJson(service.url, 'GET', '/case-skips/summary', analyst);
    expect(summary).toMatchObject({
      status: 200,
      body: {
        total: 5,
        byReason: { ANSWER_TOO_OLD: 1, SOURCE_EXCLUDED: 1, CHANNEL_EXCLUDED: 1, HOLDOUT: 1, RECOVERY_SURVEY: 1 },
      },
    });
    const future = new Date(Date.now() + DAY_MS).toISOString();
    expect((await callJson(service.url, 'GET', `/case-skips/summary?since=${future}`, analyst)).body.total).toBe(0);
    expect((await callJson(service.url, 'GET', '/case-skips/summary?since=yesterday', analyst)).status).toBe(400);
    expect((await callJson(service.url, 'GET', '/case-skips', await issuer.token('alice'))).status).toBe(403);

    const first = await callJson(service.url, 'GET', '/case-skips?limit=3', analyst);
    expect(first.body).toMatchObject({ total: 5 });
    expect(first.body.items).toHaveLength(3);
    const second = await callJson(service.url, 'GET', `/case-skips?limit=3&cursor=${first.body.nextCursor}`, analyst);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item: { responseId: string }) => item.responseId);
    expect(new Set(ids).size).toBe(5);

    const holdouts = await callJson(service.url, 'GET', '/case-skips?reason=HOLDOUT', analyst);
    expect(holdouts.body).toMatchObject({ total: 1, items: [{ reason: 'HOLDOUT', teamId: 'dach-care' }] });
    expect((await callJson(service.url, 'GET', '/case-skips?reason=LATE', analyst)).status).toBe(400);
    const otherFilters = await callJson(
      service.url,
      'GET',
      `/case-skips?reason=HOLDOUT&cursor=${first.body.nextCursor}`,
      analyst,
    );
    expect(otherFilters).toMatchObject({ status: 400, body: { code: 'INVALID_CURSOR' } });
  });
});
