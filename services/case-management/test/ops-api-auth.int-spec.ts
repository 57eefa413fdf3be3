import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, type ServiceInstance } from '@nps/testing';
import { call, token, type TokenClaims } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

interface RouteCase {
  path: (ids: { caseId: string }) => string;
  body?: object;
  /** Someone the route must refuse with 403; absent when every operator may call it. */
  forbiddenFor?: TokenClaims;
}

const AGENT_B: TokenClaims = { sub: 'agent-b', roles: ['agent'], teams: ['team-b'] };
const LEAD_B: TokenClaims = { sub: 'lead-b', roles: ['lead'], teams: ['team-b'] };

/**
 * Every documented route with a request and a caller it must refuse. The test below fails when
 * /docs-json lists a route that is missing here, so a new endpoint cannot skip these checks.
 */
const ROUTES: Record<string, RouteCase> = {
  'GET /cases': { path: () => '/cases?scope=team&teamId=team-a', forbiddenFor: AGENT_B },
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
    body: { id: 'team-x', name: 'X', timeZone: 'UTC', workingDays: [1], dayStart: '09:00', dayEnd: '17:00' },
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
};

describe('ops API authentication and roles, for every endpoint', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  let service: ServiceInstance;
  let caseId: string;

  beforeAll(async () => {
    service = await bed.start();
    await setUpTeam(service.url, {
      id: 'team-a',
      members: [{ id: 'agent-a' }],
      rule: { id: 'rule-a', position: 1, conditions: { regions: ['a'] } },
    });
    await setUpTeam(service.url, { id: 'team-b', members: [{ id: 'agent-b' }, { id: 'lead-b' }] });
    const detractor = anEvent(Topics.DetractorIdentified, { customer: { region: 'a' } });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    caseId = await expectEventually(async () => {
      const [row] = await bed.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
  }, 120000);

  it('covers every route of the OpenAPI document (served at /docs-json)', async () => {
    const document = await call(service.url, 'GET', '/docs-json');
    expect(document.status).toBe(200);
    const documented = Object.entries(document.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => !path.startsWith('/health/')) // the probes are public on purpose
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(Object.keys(ROUTES).sort());
    expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  const routes = Object.entries(ROUTES).map(([route, spec]) => [route, spec] as const);

  it.each(routes)('%s: 401 without a token', async (route, spec) => {
    const answer = await call(service.url, route.split(' ')[0], spec.path({ caseId }), undefined, spec.body);
    expect(answer.status).toBe(401);
  });

  it.each(routes)('%s: 401 with a tampered token', async (route, spec) => {
    const [header, , signature] = token({ sub: 'agent-a', roles: ['agent'], teams: ['team-a'] }).split('.');
    const elevated = Buffer.from(
      JSON.stringify({ sub: 'agent-a', roles: ['admin'], teams: ['team-a', 'team-b'] }),
    ).toString('base64url');
    expect(
      (
        await call(
          service.url,
          route.split(' ')[0],
          spec.path({ caseId }),
          `${header}.${elevated}.${signature}`,
          spec.body,
        )
      ).status,
    ).toBe(401);
    const foreignKey = token({ sub: 'admin-1', roles: ['admin'] }, 'another-key-that-is-long-enough');
    expect((await call(service.url, route.split(' ')[0], spec.path({ caseId }), foreignKey, spec.body)).status).toBe(
      401,
    );
  });

  const restricted = routes.flatMap(([route, spec]) =>
    spec.forbiddenFor ? [[route, spec.forbiddenFor, spec] as const] : [],
  );
  it.each(restricted)('%s: 403 for a caller without the role or the team', async (route, forbiddenFor, spec) => {
    const answer = await call(service.url, route.split(' ')[0], spec.path({ caseId }), token(forbiddenFor), spec.body);
    expect(answer.status).toBe(403);
  });

  it('lets every operator read the root causes a resolution may confirm', async () => {
    const listed = await call(service.url, 'GET', '/root-causes', token(AGENT_B));
    expect(listed.status).toBe(200);
    expect(listed.body).toContainEqual({ tagId: 'price', name: 'price', taxonomyVersion: 1 });
  });

  it("lets an agent read and work their own team's case, and not see another team's queue", async () => {
    const agentA = token({ sub: 'agent-a', roles: ['agent'], teams: ['team-a'] });
    expect((await call(service.url, 'GET', `/cases/${caseId}`, agentA)).status).toBe(200);
    const queue = await call(service.url, 'GET', '/cases?scope=team', agentA);
    expect(queue.body.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await call(service.url, 'GET', '/cases?scope=team', token(AGENT_B))).body).toEqual([]);
  });

  it('rejects an expired token', async () => {
    const expired = token({ sub: 'admin-1', roles: ['admin'] }, undefined, -60);
    expect((await call(service.url, 'GET', '/teams', expired)).status).toBe(401);
  });
});
