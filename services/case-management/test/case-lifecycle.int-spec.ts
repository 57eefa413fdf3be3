import { randomUUID } from 'node:crypto';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { ROOT_CAUSE_TAXONOMY_ID, Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, type ServiceInstance, callJson } from '@nps/testing';
import {
  type CaseAction,
  CASE_ACTIONS,
  CASE_STATUSES,
  CaseLifecycle,
  type CaseStatus,
} from '../src/cases/case.lifecycle';
import { opsIssuer, person } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

/** A valid request of each action, so only the case's state can make it fail. */
const REQUESTS: Record<CaseAction, { path: string; body: object }> = {
  log_contact: {
    path: 'contacts',
    body: { channel: 'call', result: 'reached', note: 'Spoke about the late delivery' },
  },
  add_note: { path: 'notes', body: { note: 'Called the warehouse' } },
  reassign: { path: 'reassign', body: { ownerId: 'lead-a', reason: 'lead takes it' } },
  resolve: { path: 'resolve', body: { rootCauseTagId: 'delivery', outcome: 'recovered', note: 'Refunded shipping' } },
  close: { path: 'close', body: { note: 'done' } },
  reopen: { path: 'reopen', body: { note: 'customer called again' } },
};

describe('case lifecycle over the API', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer([person('lead-a', ['lead'], ['ops-a'])]);
  let service: ServiceInstance;
  let lead: string;
  let admin: string;
  const act = (caseId: string, action: CaseAction, body: object = REQUESTS[action].body) =>
    callJson(service.url, 'POST', `/cases/${caseId}/${REQUESTS[action].path}`, lead, body);

  async function openCase(): Promise<string> {
    const detractor = anEvent(Topics.DetractorIdentified, { customer: { region: 'region-a' } });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    return expectEventually(async () => {
      const [row] = await bed.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
  }

  /** A case moved into `status` through the API. */
  async function caseIn(status: CaseStatus): Promise<string> {
    const id = await openCase();
    const path: CaseAction[] = {
      open: [],
      in_progress: ['log_contact'],
      resolved: ['log_contact', 'resolve'],
      closed: ['log_contact', 'resolve', 'close'],
    }[status] as CaseAction[];
    for (const action of path) expect((await act(id, action)).status).toBe(200);
    return id;
  }

  beforeAll(async () => {
    service = await bed.start(issuer.env);
    admin = await issuer.token('adam');
    await setUpTeam(service.url, admin, {
      id: 'ops-a',
      members: [{ id: 'agent-a' }, { id: 'lead-a' }],
      rule: { id: 'region-a', position: 1, conditions: { regions: ['region-a'] } },
    });
    lead = await issuer.token('lead-a');
  }, 120000);

  it('walks open → in progress → resolved → closed → reopened, logging who did what', async () => {
    const id = await openCase();
    expect((await act(id, 'log_contact')).body).toMatchObject({ status: 'in_progress' });
    expect((await act(id, 'add_note')).body).toMatchObject({ status: 'in_progress' });
    expect((await act(id, 'resolve')).body).toMatchObject({
      status: 'resolved',
      rootCauseTagId: 'delivery',
      outcome: 'recovered',
    });
    expect((await act(id, 'close')).body).toMatchObject({ status: 'closed' });
    expect((await act(id, 'reopen')).body).toMatchObject({ status: 'in_progress', rootCauseTagId: null });
    const detail = await callJson(service.url, 'GET', `/cases/${id}`, lead);
    expect(detail.body.activity.map((a: { kind: string }) => a.kind)).toEqual([
      'opened',
      'assigned',
      'customer_contacted',
      'note_added',
      'resolved',
      'closed',
      'reopened',
    ]);
    expect(detail.body.activity.slice(2).every((a: { actorId: string }) => a.actorId === 'lead-a')).toBe(true);
  });

  it('answers 409 naming the allowed actions for every illegal transition', async () => {
    const cases = Object.fromEntries(
      await Promise.all(CASE_STATUSES.map(async (status) => [status, await caseIn(status)] as const)),
    ) as Record<CaseStatus, string>;
    const illegal = CASE_STATUSES.flatMap((status) =>
      CASE_ACTIONS.filter((action) => !CaseLifecycle.permits(status, action)).map(
        (action) => [status, action] as const,
      ),
    );
    expect(illegal.length).toBeGreaterThanOrEqual(10);
    for (const [status, action] of illegal) {
      const answer = await act(cases[status], action);
      expect({ status, action, http: answer.status, code: answer.body.code }).toEqual({
        status,
        action,
        http: 409,
        code: 'ILLEGAL_TRANSITION',
      });
      expect(answer.body).toMatchObject({ caseStatus: status, allowed: CaseLifecycle.allowed(status) });
    }
  });

  it.each([
    ['rootCauseTagId', { outcome: 'recovered', note: 'x' }],
    ['outcome', { rootCauseTagId: 'delivery', note: 'x' }],
    ['note', { rootCauseTagId: 'delivery', outcome: 'recovered' }],
    ['rootCauseTagId', { rootCauseTagId: 'Not An Id', outcome: 'recovered', note: 'x' }],
    ['outcome', { rootCauseTagId: 'delivery', outcome: 'happy', note: 'x' }],
  ])('refuses to resolve without a valid %s: 400 naming the field', async (field, body) => {
    const id = await caseIn('in_progress');
    const answer = await act(id, 'resolve', body);
    expect(answer.status).toBe(400);
    expect({
      code: answer.body.code,
      fields: new Set(answer.body.fields.map((f: { field: string }) => f.field)),
    }).toEqual({ code: 'VALIDATION_FAILED', fields: new Set([field]) });
    expect((await bed.rows('SELECT status FROM $schema.cases WHERE id = $1', [id]))[0]).toEqual({
      status: 'in_progress',
    });
  });

  it('refuses a root cause the taxonomy does not know: 400 naming the field', async () => {
    const id = await caseIn('in_progress');
    for (const rootCauseTagId of ['weather', 'weather.late']) {
      const answer = await act(id, 'resolve', { rootCauseTagId, outcome: 'recovered', note: 'x' });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('UNKNOWN_ROOT_CAUSE');
      expect(JSON.stringify(answer.body)).toContain('rootCauseTagId');
    }
    expect((await bed.rows('SELECT status FROM $schema.cases WHERE id = $1', [id]))[0]).toEqual({
      status: 'in_progress',
    });
  });

  it('takes its root causes from the newest taxonomy version published, ignoring older ones that arrive later', async () => {
    const version = (n: number, tagIds: string[]) => ({
      eventId: randomUUID(),
      occurredAt: timestampNow(),
      taxonomyId: ROOT_CAUSE_TAXONOMY_ID,
      version: n,
      versionLabel: `taxonomy-${n}`,
      tags: tagIds.map((tagId) => ({ tagId, name: tagId })),
    });
    await bed.publish(Topics.TaxonomyPublished, [
      version(3, ['price', 'delivery', 'support', 'loyalty-program']),
      version(2, ['price', 'billing']),
    ]);
    const known = await expectEventually(async () => {
      const listed = await callJson(service.url, 'GET', '/root-causes', lead);
      expect(listed.body.map((cause: { tagId: string }) => cause.tagId)).toContain('loyalty-program');
      return listed.body;
    });
    expect(known).toEqual(
      ['delivery', 'loyalty-program', 'price', 'support'].map((tagId) => ({ tagId, name: tagId, taxonomyVersion: 3 })),
    );
    const id = await caseIn('in_progress');
    expect(
      (await act(id, 'resolve', { rootCauseTagId: 'billing', outcome: 'recovered', note: 'retired in version 3' }))
        .status,
    ).toBe(400);
    expect(
      (await act(id, 'resolve', { rootCauseTagId: 'loyalty-program.points', outcome: 'recovered', note: 'x' })).body,
    ).toMatchObject({ status: 'resolved' });
  });

  it('reopens only within the reopen window', async () => {
    const id = await caseIn('closed');
    await bed.rows(`UPDATE $schema.cases SET closed_at = now() - interval '31 days' WHERE id = $1`, [id]);
    const answer = await act(id, 'reopen');
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('REOPEN_WINDOW_PASSED');
  });

  it('reassigns with a reason and reports the loop metrics with the confirmed root causes', async () => {
    const id = await caseIn('open');
    const reassigned = await act(id, 'reassign');
    expect(reassigned.body).toMatchObject({
      ownerId: 'lead-a',
      assignmentReason: 'manual',
      assignmentDetail: 'reassigned: lead takes it',
    });
    const metrics = await callJson(service.url, 'GET', '/metrics/loop?teamId=ops-a', lead);
    expect(metrics.status).toBe(200);
    const team = metrics.body.teams.find((t: { teamId: string }) => t.teamId === 'ops-a');
    expect(team.casesResolved).toBeGreaterThanOrEqual(2);
    expect(team.recoveredShare.share).toBe(1);
    expect(team.timeToFirstContactHours.p50).toBeGreaterThanOrEqual(0);
    expect(team.slaAttainment.firstContact.share).toBe(1);
    expect(metrics.body.rootCauses[0]).toMatchObject({ rootCauseTagId: 'delivery' });
  });

  it('versions rules, teams, members and SLA policies in the config change log', async () => {
    expect((await callJson(service.url, 'PATCH', '/routing-rules/region-a', lead, { position: 5 })).body).toMatchObject(
      {
        position: 5,
        version: 2,
      },
    );
    expect(
      (
        await callJson(service.url, 'PUT', '/sla-policies/urgent', admin, {
          firstContactMinutes: 60,
          resolutionMinutes: 240,
        })
      ).body,
    ).toMatchObject({ version: 2 });
    const changes = (await callJson(service.url, 'GET', '/config-changes', admin)).body as {
      entity: string;
      entityId: string;
      version: number;
      actorId: string;
      action: string;
      snapshot: { version?: number };
    }[];
    const of = (entity: string, entityId: string) =>
      changes
        .filter((c) => c.entity === entity && c.entityId === entityId)
        .map((c) => [c.version, c.action, c.actorId]);
    expect(of('routing_rule', 'region-a')).toEqual([
      [2, 'updated', 'lead-a'],
      [1, 'created', 'adam'],
    ]);
    expect(of('sla_policy', 'urgent')).toEqual([[2, 'updated', 'adam']]);
    expect(of('team', 'ops-a')).toEqual([[1, 'created', 'adam']]);
    expect(of('member', 'agent-a')).toEqual([[1, 'created', 'adam']]);
    // A snapshot is the entity as answered, version included, whether created or updated.
    expect(
      changes.filter((c) => c.snapshot.version !== c.version).map((c) => [c.entity, c.entityId, c.action]),
    ).toEqual([]);
    expect(of('team', 'customer-care')).toEqual([[1, 'created', '']]);
  });

  it('answers an id the body names and nothing has with 400 naming the field, one in the path with 404', async () => {
    const refusal = async (method: string, path: string, body: object = {}) => {
      const answer = await callJson(service.url, method, path, admin, body);
      const fields = (answer.body.fields ?? []).map((f: { field: string }) => f.field);
      return { status: answer.status, code: answer.body.code, fields };
    };
    const id = await caseIn('open');
    const missing = '00000000-0000-5000-8000-0000000000ff'; // case ids are UUID v5
    const rule = { id: 'nowhere', position: 9, conditions: { regions: ['x'] }, teamId: 'no-such-team' };
    const team = {
      name: 'Z',
      calendar: { timeZone: 'Europe/Amsterdam', workingDays: [1], dayStart: '09:00', dayEnd: '17:00' },
    };
    expect([
      await refusal('POST', `/cases/${id}/reassign`, { ownerId: 'nobody', reason: 'r' }),
      await refusal('POST', `/cases/${missing}/reassign`, { ownerId: 'lead-a', reason: 'r' }),
      await refusal('PATCH', '/members/agent-a', { teamId: 'no-such-team' }),
      await refusal('PATCH', '/members/nobody', { available: false }),
      await refusal('POST', '/routing-rules', rule),
      await refusal('PATCH', '/routing-rules/nowhere', { position: 3 }),
      await refusal('PATCH', '/teams/ops-a', { leadMemberId: 'lead-a', escalationMemberId: 'nobody' }),
      await refusal('POST', '/teams', { ...team, id: 'ops-z', leadMemberId: 'nobody' }),
    ]).toEqual([
      { status: 400, code: 'MEMBER_NOT_FOUND', fields: ['ownerId'] },
      { status: 404, code: 'CASE_NOT_FOUND', fields: [] },
      { status: 400, code: 'TEAM_NOT_FOUND', fields: ['teamId'] },
      { status: 404, code: 'MEMBER_NOT_FOUND', fields: [] },
      { status: 400, code: 'TEAM_NOT_FOUND', fields: ['teamId'] },
      { status: 404, code: 'RULE_NOT_FOUND', fields: [] },
      { status: 400, code: 'MEMBER_NOT_FOUND', fields: ['escalationMemberId'] },
      { status: 400, code: 'MEMBER_NOT_FOUND', fields: ['leadMemberId'] },
    ]);
    const teams = (await callJson(service.url, 'GET', '/teams', admin)).body as { id: string; leadMemberId: string }[];
    expect(teams.find((t) => t.id === 'ops-a')?.leadMemberId).toBeNull();
    expect(teams.map((t) => t.id)).not.toContain('ops-z');
  });

  it("keeps every member's open-case counter equal to their open and in-progress cases through all of the above", async () => {
    const drift = await bed.rows(
      `SELECT m.id, m.open_cases, (SELECT count(*)::int FROM $schema.cases c WHERE c.owner_id = m.id AND c.status IN ('open', 'in_progress')) AS actual
       FROM $schema.members m`,
    );
    expect(drift.length).toBeGreaterThan(0);
    for (const member of drift) expect(member.open_cases).toBe(member.actual);
  });

  it("takes a team's calendar as it answers it: whole when the team is created, field by field when it changes", async () => {
    const calendar = {
      timeZone: 'Europe/Amsterdam',
      workingDays: [1, 2, 3, 4],
      dayStart: '08:30',
      dayEnd: '16:30',
      holidays: ['2026-12-25'],
    };
    const created = await callJson(service.url, 'POST', '/teams', admin, { id: 'ops-cal', name: 'Cal', calendar });
    expect([created.status, created.body.calendar]).toEqual([201, calendar]);
    const teams = (await callJson(service.url, 'GET', '/teams', admin)).body as { id: string; calendar: object }[];
    const read = teams.find((team) => team.id === 'ops-cal');
    const sentBack = await callJson(service.url, 'PATCH', '/teams/ops-cal', admin, { calendar: read?.calendar });
    expect([sentBack.status, sentBack.body.calendar]).toEqual([200, calendar]);
    const moved = await callJson(service.url, 'PATCH', '/teams/ops-cal', admin, { calendar: { dayEnd: '17:00' } });
    expect(moved.body.calendar).toEqual({ ...calendar, dayEnd: '17:00' });

    const fieldsOf = (answer: { body: { fields?: { field: string }[] } }) => answer.body.fields?.map((f) => f.field);
    const early = await callJson(service.url, 'PATCH', '/teams/ops-cal', admin, { calendar: { dayEnd: '08:00' } });
    expect([early.status, early.body.code, fieldsOf(early)]).toEqual([400, 'INVALID_CALENDAR', ['calendar.dayEnd']]);
    const flat = await callJson(service.url, 'POST', '/teams', admin, { id: 'ops-flat', name: 'Flat', ...calendar });
    expect([flat.status, flat.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(fieldsOf(flat)).toEqual(expect.arrayContaining(['calendar', 'timeZone', 'dayEnd']));
  });

  it("keeps a team's language through a change that leaves it out, and checks one that gives it", async () => {
    const calendar = { timeZone: 'Europe/Amsterdam', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00' };
    const created = await callJson(service.url, 'POST', '/teams', admin, {
      id: 'ops-lang',
      name: 'Lang',
      language: 'nl',
      calendar,
    });
    expect([created.status, created.body.language]).toEqual([201, 'nl']);
    const renamed = await callJson(service.url, 'PATCH', '/teams/ops-lang', admin, { name: 'Taal' });
    expect([renamed.status, renamed.body.name, renamed.body.language]).toEqual([200, 'Taal', 'nl']);
    const wrong = await callJson(service.url, 'PATCH', '/teams/ops-lang', admin, { language: 'not a tag' });
    expect([wrong.status, wrong.body.code, wrong.body.fields?.map((f: { field: string }) => f.field)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['language'],
    ]);
    const changed = await callJson(service.url, 'PATCH', '/teams/ops-lang', admin, { language: 'de' });
    expect([changed.status, changed.body.language]).toEqual([200, 'de']);
  });
});
