import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, type KafkaProbe, serviceBed, type ServiceInstance, callJson } from '@nps/testing';
import { opsIssuer, person } from './support/ops-api.client';

// The outer loop's write side over HTTP, with its events read back from the real broker (ADR 0033).
describe('improvement actions API', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer([person('lead-x', ['lead'], ['customer-care'])]);
  let service: ServiceInstance;
  let probe: KafkaProbe;
  let lead: string;
  let agent: string;
  let analyst: string;
  const api = (method: string, path: string, token: string, body?: object) =>
    callJson(service.url, method, path, token, body);

  async function openCase(): Promise<string> {
    const detractor = anEvent(Topics.DetractorIdentified);
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    return expectEventually(async () => {
      const [row] = await bed.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
  }

  async function openAction(body: object = {}): Promise<string> {
    const opened = await api('POST', '/improvement-actions', lead, {
      title: 'Second delivery slot',
      rootCauseTagId: 'delivery',
      ...body,
    });
    expect(opened.status).toBe(201);
    return opened.body.id;
  }

  beforeAll(async () => {
    service = await bed.start(issuer.env);
    probe = bed.probe(Topics.ImprovementActionOpened, Topics.ImprovementActionReleased, Topics.ImprovementActionClosed);
    await probe.ready();
    [lead, agent, analyst] = await Promise.all([issuer.token('lead-x'), issuer.token('alice'), issuer.token('nina')]);
  }, 120000);

  it('opens, links cases, releases and closes an action, publishing each change keyed by the action id', async () => {
    const opened = await api('POST', '/improvement-actions', lead, {
      title: 'Second delivery slot for rural addresses',
      rootCauseTagId: 'delivery',
      touchpointType: 'order-delivered',
      segment: 'consumer',
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      title: 'Second delivery slot for rural addresses',
      rootCauseTagId: 'delivery',
      touchpointType: 'order-delivered',
      segment: 'consumer',
      ownerId: 'lead-x',
      status: 'open',
      releasedAt: null,
      caseIds: [],
    });
    const id: string = opened.body.id;
    const [openedEvent] = await probe.eventually(Topics.ImprovementActionOpened, (e) => e.improvementActionId === id);
    expect(openedEvent.key).toBe(id);
    expect(openedEvent.message).toMatchObject({
      title: 'Second delivery slot for rural addresses',
      rootCauseTagId: 'delivery',
      touchpointType: 'order-delivered',
      segment: 'consumer',
      ownerId: 'lead-x',
      actorId: 'lead-x',
    });

    const [first, second] = [await openCase(), await openCase()];
    const linked = await api('POST', `/improvement-actions/${id}/cases`, lead, { caseIds: [first, second] });
    expect(linked.status).toBe(200);
    expect(new Set(linked.body.caseIds)).toEqual(new Set([first, second]));
    const again = await api('POST', `/improvement-actions/${id}/cases`, lead, { caseIds: [first] });
    expect(again.body.caseIds).toHaveLength(2);

    const releasedAt = '2026-01-15T08:00:00.000Z';
    const released = await api('POST', `/improvement-actions/${id}/release`, lead, { releasedAt });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'released', releasedAt });
    const [releasedEvent] = await probe.eventually(
      Topics.ImprovementActionReleased,
      (e) => e.improvementActionId === id,
    );
    expect(releasedEvent.key).toBe(id);
    const liveAt = releasedEvent.message.releasedAt;
    expect(liveAt && timestampDate(liveAt).toISOString()).toBe(releasedAt);
    expect(releasedEvent.message.actorId).toBe('lead-x');

    const closed = await api('POST', `/improvement-actions/${id}/close`, lead, { note: 'NPS of deliveries up 12' });
    expect(closed.body).toMatchObject({ status: 'closed', closeNote: 'NPS of deliveries up 12', releasedAt });
    const [closedEvent] = await probe.eventually(Topics.ImprovementActionClosed, (e) => e.improvementActionId === id);
    expect(closedEvent.message).toMatchObject({ note: 'NPS of deliveries up 12', actorId: 'lead-x' });

    const detail = await api('GET', `/improvement-actions/${id}`, agent);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id, status: 'closed', releasedAt });
    expect(new Set(detail.body.caseIds)).toEqual(new Set([first, second]));
  });

  it('releases now when no time is given', async () => {
    const id = await openAction();
    const before = Date.now();
    const released = await api('POST', `/improvement-actions/${id}/release`, lead, {});
    expect(released.status).toBe(200);
    const at = new Date(released.body.releasedAt).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('lets one of two concurrent releases through and answers the other 409, publishing one event', async () => {
    const id = await openAction();
    const answers = await Promise.all([
      api('POST', `/improvement-actions/${id}/release`, lead, {}),
      api('POST', `/improvement-actions/${id}/release`, lead, {}),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    await bed.outboxDrained();
    await probe.eventually(Topics.ImprovementActionReleased, (e) => e.improvementActionId === id);
    expect(
      probe.events(Topics.ImprovementActionReleased).filter((e) => e.message.improvementActionId === id),
    ).toHaveLength(1);
  });

  it('answers 409 ILLEGAL_TRANSITION naming what is allowed, and changes nothing', async () => {
    const released = await openAction();
    expect((await api('POST', `/improvement-actions/${released}/release`, lead, {})).status).toBe(200);
    const twice = await api('POST', `/improvement-actions/${released}/release`, lead, {});
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      improvementActionStatus: 'released',
      allowed: ['link_cases', 'close'],
    });

    const closed = await openAction();
    expect((await api('POST', `/improvement-actions/${closed}/close`, lead, { note: 'abandoned' })).status).toBe(200);
    const caseId = await openCase();
    for (const [path, body] of [
      ['release', {}],
      ['close', { note: 'again' }],
      ['cases', { caseIds: [caseId] }],
    ] as const) {
      const answer = await api('POST', `/improvement-actions/${closed}/${path}`, lead, body);
      expect({ path, status: answer.status, code: answer.body.code, allowed: answer.body.allowed }).toEqual({
        path,
        status: 409,
        code: 'ILLEGAL_TRANSITION',
        allowed: [],
      });
    }
    const [row] = await bed.rows('SELECT status, close_note FROM $schema.improvement_actions WHERE id = $1', [closed]);
    expect(row).toEqual({ status: 'closed', close_note: 'abandoned' });
    expect(
      await bed.rows('SELECT * FROM $schema.improvement_action_cases WHERE improvement_action_id = $1', [closed]),
    ).toEqual([]);
    await bed.outboxDrained();
    await probe.eventually(Topics.ImprovementActionClosed, (e) => e.improvementActionId === closed);
    expect(
      probe.events(Topics.ImprovementActionClosed).filter((e) => e.message.improvementActionId === closed),
    ).toHaveLength(1);
  });

  it('refuses a root cause the taxonomy does not know with 400 naming the field, writing and publishing nothing', async () => {
    const before = (await bed.rows('SELECT count(*)::int AS n FROM $schema.improvement_actions'))[0];
    for (const rootCauseTagId of ['weather', 'Not An Id']) {
      const answer = await api('POST', '/improvement-actions', lead, { title: 'x', rootCauseTagId });
      expect(answer.status).toBe(400);
      expect(answer.body.fields.map((f: { field: string }) => f.field)).toEqual(['rootCauseTagId']);
    }
    const unknown = await api('POST', '/improvement-actions', lead, { title: 'x', rootCauseTagId: 'weather' });
    expect(unknown.body.code).toBe('UNKNOWN_ROOT_CAUSE');
    expect(unknown.body.detail).toContain('GET /root-causes');
    expect((await bed.rows('SELECT count(*)::int AS n FROM $schema.improvement_actions'))[0]).toEqual(before);
    await bed.outboxDrained();
    expect(probe.events(Topics.ImprovementActionOpened).map((e) => e.message.title)).not.toContain('x');
  });

  it.each([
    ['title', { rootCauseTagId: 'delivery' }],
    ['title', { title: '', rootCauseTagId: 'delivery' }],
    ['rootCauseTagId', { title: 't' }],
    ['touchpointType', { title: 't', rootCauseTagId: 'delivery', touchpointType: '' }],
    ['ownerId', { title: 't', rootCauseTagId: 'delivery', ownerId: 'nobody-here' }],
  ])('refuses to open without a valid %s: 400 naming it', async (field, body) => {
    const answer = await api('POST', '/improvement-actions', lead, body);
    expect(answer.status).toBe(400);
    expect(answer.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses a release in the future and bad link requests with the right status', async () => {
    const id = await openAction();
    const future = await api('POST', `/improvement-actions/${id}/release`, lead, {
      releasedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect({ status: future.status, code: future.body.code }).toEqual({ status: 400, code: 'RELEASED_IN_FUTURE' });
    expect((await api('POST', `/improvement-actions/${id}/release`, lead, { releasedAt: 'soon' })).status).toBe(400);

    const missing = '00000000-0000-4000-8000-0000000000ff';
    const unknownCase = await api('POST', `/improvement-actions/${id}/cases`, lead, { caseIds: [missing] });
    expect(unknownCase.status).toBe(400);
    expect(unknownCase.body).toMatchObject({
      code: 'CASE_NOT_FOUND',
      unknownCaseIds: [missing],
      fields: [expect.objectContaining({ field: 'caseIds' })],
    });
    expect((await api('POST', `/improvement-actions/${id}/cases`, lead, { caseIds: [] })).status).toBe(400);
    expect((await api('POST', `/improvement-actions/${id}/cases`, lead, { caseIds: ['x'] })).status).toBe(400);

    const unknownAction = await api('POST', `/improvement-actions/${missing}/release`, lead, {});
    expect({ status: unknownAction.status, code: unknownAction.body.code }).toEqual({
      status: 404,
      code: 'IMPROVEMENT_ACTION_NOT_FOUND',
    });
    expect((await api('GET', `/improvement-actions/${missing}`, agent)).status).toBe(404);
    expect((await api('GET', '/improvement-actions/not-a-uuid', agent)).status).toBe(400);
  });

  it('lets operators and analysts read, only leads and admins write; lists by status and root cause', async () => {
    expect((await api('POST', '/improvement-actions', agent, { title: 't', rootCauseTagId: 'price' })).status).toBe(
      403,
    );
    expect((await api('POST', '/improvement-actions', analyst, { title: 't', rootCauseTagId: 'price' })).status).toBe(
      403,
    );
    const price = await openAction({ rootCauseTagId: 'price', title: 'Clearer pricing page' });
    const listed = await api('GET', '/improvement-actions?rootCauseTagId=price&status=open', analyst);
    expect(listed.status).toBe(200);
    expect(listed.body.map((a: { id: string }) => a.id)).toContain(price);
    expect(listed.body.every((a: { rootCauseTagId: string; status: string }) => a.rootCauseTagId === 'price')).toBe(
      true,
    );
    expect(listed.body.every((a: { status: string }) => a.status === 'open')).toBe(true);
    const closed = await api('GET', '/improvement-actions?status=closed', agent);
    expect(closed.body.length).toBeGreaterThan(0);
    expect(closed.body.map((a: { id: string }) => a.id)).not.toContain(price);
    const bad = await api('GET', '/improvement-actions?status=done', agent);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['status']);
  });
});
