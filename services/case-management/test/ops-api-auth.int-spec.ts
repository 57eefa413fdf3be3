import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, LocalIssuer, serviceBed, type ServiceInstance, callJson } from '@nps/testing';
import { opsIssuer, person } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

interface RouteCase {
  path: (ids: { caseId: string; responseId: string }) => string;
  body?: object;
  /** A person (client id) the route must refuse with 403; absent when every operator may call it. */
  forbiddenFor?: string;
}

const AGENT_B = 'agent-b';
const LEAD_B = 'lead-b';
/** An improvement action no one opened: the checks here stop before it is looked up. */
const NO_ACTION = '00000000-0000-4000-8000-00000000a0c7';

/**
 * Every documented route with a request and a caller it must refuse. The test below fails when
 * /docs-json lists a route that is missing here, so a new endpoint cannot skip these checks.
 */
const ROUTES: Record<string, RouteCase> = {
  'GET /cases': { path: () => '/cases?scope=team&teamId=team-a', forbiddenFor: AGENT_B },
  // Not 403 for another team: the lookup searches the caller's teams, and answers 404 (ADR 0027), tested below.
  'GET /cases/by-response/{responseId}': { path: ({ responseId }) => `/cases/by-response/${responseId}` },
  'GET /cases/{caseId}': { path: ({ caseId }) => `/cases/${caseId}`, forbiddenFor: AGENT_B },
  'POST /cases/{caseId}/contacts': {
    path: ({ caseId }) => `/cases/${caseId}/contacts`,
    body: { channel: 'call', result: 'reached' },
    forbiddenFor: AGENT_B,
  },
  'POST /cases/{caseId}/notes': {
    path: ({ caseId }) => `/cases/${caseId}/notes`,
    body: { note: 'n' },
    forbiddenFor: AGENT_B,
  },
  'POST /cases/{caseId}/resolve': {
    path: ({ caseId }) => `/cases/${caseId}/resolve`,
    body: { rootCauseTagId: 'price', outcome: 'recovered', note: 'n' },
    forbiddenFor: AGENT_B,
  },
  'POST /cases/{caseId}/close': { path: ({ caseId }) => `/cases/${caseId}/close`, body: {}, forbiddenFor: AGENT_B },
  'POST /cases/{caseId}/reopen': {
    path: ({ caseId }) => `/cases/${caseId}/reopen`,
    body: { note: 'n' },
    forbiddenFor: AGENT_B,
  },
  'POST /cases/{caseId}/reassign': {
    path: ({ caseId }) => `/cases/${caseId}/reassign`,
    body: { ownerId: 'agent-a', reason: 'r' },
    forbiddenFor: LEAD_B,
  },
  'GET /teams': { path: () => '/teams', forbiddenFor: AGENT_B },
  'POST /teams': {
    path: () => '/teams',
    body: {
      id: 'team-x',
      name: 'X',
      calendar: { timeZone: 'UTC', workingDays: [1], dayStart: '09:00', dayEnd: '17:00' },
    },
    forbiddenFor: LEAD_B,
  },
  'PATCH /teams/{teamId}': { path: () => '/teams/team-a', body: { name: 'A' }, forbiddenFor: LEAD_B },
  'GET /teams/{teamId}/members': { path: () => '/teams/team-a/members', forbiddenFor: LEAD_B },
  'POST /teams/{teamId}/members': {
    path: () => '/teams/team-a/members',
    body: { id: 'new-member', name: 'N', email: 'n@example.com' },
    forbiddenFor: LEAD_B,
  },
  'PATCH /members/{memberId}': { path: () => '/members/agent-a', body: { available: false }, forbiddenFor: LEAD_B },
  'GET /routing-rules': { path: () => '/routing-rules', forbiddenFor: AGENT_B },
  'POST /routing-rules': {
    path: () => '/routing-rules',
    body: { id: 'r-x', position: 1, teamId: 'team-a', conditions: {} },
    forbiddenFor: LEAD_B,
  },
  'POST /routing-rules/preview': {
    path: () => '/routing-rules/preview',
    body: { position: 1, teamId: 'team-a', conditions: {} },
    forbiddenFor: AGENT_B,
  },
  'PATCH /routing-rules/{ruleId}': { path: () => '/routing-rules/rule-a', body: { position: 2 }, forbiddenFor: LEAD_B },
  'DELETE /routing-rules/{ruleId}': { path: () => '/routing-rules/rule-a', forbiddenFor: LEAD_B },
  'GET /sla-policies': { path: () => '/sla-policies', forbiddenFor: AGENT_B },
  'PUT /sla-policies/{priority}': {
    path: () => '/sla-policies/high',
    body: { firstContactMinutes: 60, resolutionMinutes: 600 },
    forbiddenFor: LEAD_B,
  },
  'GET /metrics/loop': { path: () => '/metrics/loop?teamId=team-a', forbiddenFor: LEAD_B },
  'GET /config-changes': { path: () => '/config-changes', forbiddenFor: LEAD_B },
  'GET /root-causes': { path: () => '/root-causes' },
  // Access requests are for admins (and the privacy:export machine scope) only: docs/privacy.md.
  'GET /customers/{customerId}/export': { path: () => '/customers/customer-1/export', forbiddenFor: LEAD_B },
  'GET /case-opening-policy': { path: () => '/case-opening-policy' },
  'GET /case-opening-policy/versions': { path: () => '/case-opening-policy/versions' },
  'PUT /case-opening-policy': {
    path: () => '/case-opening-policy',
    body: { maxAnswerAgeDays: 14, excludedSources: ['import'], excludedChannels: [], holdoutShare: 0 },
    forbiddenFor: LEAD_B,
  },
  'GET /case-skips': { path: () => '/case-skips', forbiddenFor: AGENT_B },
  'GET /case-skips/summary': { path: () => '/case-skips/summary', forbiddenFor: AGENT_B },
  'POST /improvement-actions': {
    path: () => '/improvement-actions',
    body: { title: 't', rootCauseTagId: 'price' },
    forbiddenFor: AGENT_B,
  },
  'GET /improvement-actions': { path: () => '/improvement-actions' },
  'GET /improvement-actions/{id}': { path: () => `/improvement-actions/${NO_ACTION}` },
  'POST /improvement-actions/{id}/cases': {
    path: () => `/improvement-actions/${NO_ACTION}/cases`,
    body: { caseIds: [NO_ACTION] },
    forbiddenFor: AGENT_B,
  },
  'POST /improvement-actions/{id}/release': {
    path: () => `/improvement-actions/${NO_ACTION}/release`,
    body: {},
    forbiddenFor: AGENT_B,
  },
  'POST /improvement-actions/{id}/close': {
    path: () => `/improvement-actions/${NO_ACTION}/close`,
    body: { note: 'n' },
    forbiddenFor: AGENT_B,
  },
};

describe('ops API authentication and roles, for every endpoint', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer([
    person('agent-a', ['agent'], ['team-a']),
    person(AGENT_B, ['agent'], ['team-b']),
    person(LEAD_B, ['lead'], ['team-b']),
    // exp is iat + TTL in whole seconds: a 1 s token can expire before its first request, on a busy machine.
    { id: 'short-lived', roles: ['admin'], teams: [], accessTokenTtlSeconds: 3 },
  ]);
  let service: ServiceInstance;
  let caseId: string;
  let responseId: string;

  beforeAll(async () => {
    service = await bed.start(issuer.env);
    const admin = await issuer.token('adam');
    await setUpTeam(service.url, admin, {
      id: 'team-a',
      members: [{ id: 'agent-a' }],
      rule: { id: 'rule-a', position: 1, conditions: { regions: ['a'] } },
    });
    await setUpTeam(service.url, admin, { id: 'team-b', members: [{ id: AGENT_B }, { id: LEAD_B }] });
    const detractor = anEvent(Topics.DetractorIdentified, { customer: { region: 'a' } });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    responseId = detractor.responseId;
    caseId = await expectEventually(async () => {
      const [row] = await bed.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
  }, 120000);

  it('covers every route of the OpenAPI document (served at /docs-json), each with an explicit access rule', async () => {
    const document = await callJson(service.url, 'GET', '/docs-json');
    expect(document.status).toBe(200);
    const operations = Object.entries(document.body.paths as Record<string, Record<string, Record<string, unknown>>>)
      .filter(([path]) => !path.startsWith('/health/')) // the probes are public on purpose
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as const),
      );
    expect(operations.map(([route]) => route).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [route, operation] of operations)
      expect({ route, roles: operation['x-nps-roles'] }).toEqual({ route, roles: expect.any(Array) });
    expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  const routes = Object.entries(ROUTES).map(([route, spec]) => [route, spec] as const);

  it.each(routes)('%s: 401 without a token', async (route, spec) => {
    const answer = await callJson(
      service.url,
      route.split(' ')[0],
      spec.path({ caseId, responseId }),
      undefined,
      spec.body,
    );
    expect(answer.status).toBe(401);
  });

  it.each(routes)("%s: 401 with a tampered token and with another issuer's token", async (route, spec) => {
    const [header, payload, signature] = (await issuer.token('agent-a')).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'], teams: ['team-a', 'team-b'] }));
    const tampered = `${header}.${elevated.toString('base64url')}.${signature}`;
    const method = route.split(' ')[0];
    expect((await callJson(service.url, method, spec.path({ caseId, responseId }), tampered, spec.body)).status).toBe(
      401,
    );
    expect(
      (await callJson(service.url, method, spec.path({ caseId, responseId }), foreignAdmin, spec.body)).status,
    ).toBe(401);
  });

  let foreign: LocalIssuer | undefined;
  let foreignAdmin: string;
  beforeAll(async () => {
    // The same software with other keys on another port: a valid token, but not of our issuer.
    foreign = await LocalIssuer.start();
    foreignAdmin = await foreign.token('adam');
  }, 60000);
  afterAll(() => foreign?.stop());

  const restricted = routes.flatMap(([route, spec]) =>
    spec.forbiddenFor ? [[route, spec.forbiddenFor, spec] as const] : [],
  );
  it.each(restricted)('%s: 403 for %s, who lacks the role or the team', async (route, forbiddenFor, spec) => {
    const answer = await callJson(
      service.url,
      route.split(' ')[0],
      spec.path({ caseId, responseId }),
      await issuer.token(forbiddenFor),
      spec.body,
    );
    expect(answer.status).toBe(403);
  });

  it('lets every operator read the root causes a resolution may confirm', async () => {
    const listed = await callJson(service.url, 'GET', '/root-causes', await issuer.token(AGENT_B));
    expect(listed.status).toBe(200);
    expect(listed.body).toContainEqual({ tagId: 'price', name: 'price', taxonomyVersion: 1 });
  });

  it('refuses a machine token: the ops API is for people', async () => {
    const machine = await issuer.token('nps-reader', ['nps:read']);
    expect((await callJson(service.url, 'GET', `/cases/${caseId}`, machine)).status).toBe(403);
  });

  it("lets an agent read and work their own team's case, and not see another team's queue", async () => {
    const agentA = await issuer.token('agent-a');
    expect((await callJson(service.url, 'GET', `/cases/${caseId}`, agentA)).status).toBe(200);
    const queue = await callJson(service.url, 'GET', '/cases?scope=team', agentA);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const agentB = await issuer.token(AGENT_B);
    expect((await callJson(service.url, 'GET', '/cases?scope=team', agentB)).body).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });
    expect((await callJson(service.url, 'GET', `/cases/by-response/${responseId}`, agentA)).body).toMatchObject({
      id: caseId,
    });
    const hidden = await callJson(service.url, 'GET', `/cases/by-response/${responseId}`, agentB);
    expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
  });

  it('rejects an expired token', async () => {
    const shortLived = await issuer.token('short-lived');
    expect((await callJson(service.url, 'GET', '/teams', shortLived)).status).toBe(200);
    await expectEventually(
      async () => expect((await callJson(service.url, 'GET', '/teams', shortLived)).status).toBe(401),
      {
        timeoutMs: 10000,
        intervalMs: 250,
      },
    );
  });
});
