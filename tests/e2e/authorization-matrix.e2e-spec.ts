import { freshTopicPrefix, type ServiceBed, serviceBed, type ServiceName, PLATFORM_SERVICES } from '@nps/testing';
import { POLICY } from './authorization.policy';

// Issue 13, deny by default: every route of every service, read from its own OpenAPI document
// (the x-nps-* decisions libs/auth writes), called by nobody, by each seeded person and by each
// machine scope. A route without a decision fails the test, so a new route cannot ship undecided;
// the decisions must also be the ones authorization.policy.ts (and docs/security.md) states.
//
// What "allowed" means here: neither 401 nor 403, and no 5xx. The bodies are empty or made up, so
// an allowed caller mostly gets a 400/404/415 validation answer: that proves the guard let it in,
// which is all this test is about (the services' own tests check what the routes do).

const SERVICES = PLATFORM_SERVICES;

const PEOPLE = { alice: 'agent', lena: 'lead', adam: 'admin', nina: 'analyst' } as const;
const MACHINES = {
  'responses-writer': 'responses:write',
  'customers-writer': 'customers:write',
  'survey-sender': 'surveys:send',
  importer: 'imports:write',
  'taxonomy-admin': 'taxonomy:admin',
  'nps-reader': 'nps:read',
  'privacy-exporter': 'privacy:export',
} as const;

/** Routes outside the OpenAPI documents (HTML for customers), with the decision they must have. */
const UNDOCUMENTED: Partial<Record<ServiceName, { method: string; path: string }[]>> = {
  'response-ingestion': [
    { method: 'GET', path: '/s/not-a-survey-link' },
    { method: 'POST', path: '/s/not-a-survey-link' },
    { method: 'GET', path: '/s/unsubscribe/not-an-unsubscribe-link' },
    { method: 'POST', path: '/s/unsubscribe/not-an-unsubscribe-link' },
  ],
};

interface Caller {
  name: string;
  token?: string;
  role?: string;
  scope?: string;
}

interface Decision {
  public?: boolean;
  authenticated?: boolean;
  roles?: string[];
  scopes?: string[];
}

interface Route {
  method: string;
  path: string;
  decision?: Decision;
}

type Operation = Record<string, unknown>;
type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function routesOf(document: OpenApiDocument): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => operations[method]).map((method) => ({
      method: method.toUpperCase(),
      path,
      decision: decisionOf(operations[method]),
    })),
  );
}

function decisionOf(operation: Operation): Decision | undefined {
  const decision: Decision = {
    public: operation['x-nps-public'] as boolean | undefined,
    authenticated: operation['x-nps-authenticated'] as boolean | undefined,
    roles: operation['x-nps-roles'] as string[] | undefined,
    scopes: operation['x-nps-scopes'] as string[] | undefined,
  };
  return Object.values(decision).some((value) => value !== undefined) ? decision : undefined;
}

/** `roles a b | scopes c`, `public` or `authenticated`: how authorization.policy.ts writes a decision. */
function written(decision: Decision | undefined): string {
  if (!decision) return 'no decision';
  if (decision.public) return 'public';
  if (decision.authenticated) return 'authenticated';
  const parts = [];
  if (decision.roles?.length) parts.push(`roles ${decision.roles.join(' ')}`);
  if (decision.scopes?.length) parts.push(`scopes ${decision.scopes.join(' ')}`);
  return parts.join(' | ');
}

/** What the guard must answer `caller` on a route with `decision`: 401, 403, or let it in. */
function expected(decision: Decision, caller: Caller): 401 | 403 | 'allowed' {
  if (decision.public) return 'allowed';
  if (!caller.token) return 401;
  if (decision.authenticated) return 'allowed';
  const byRole = caller.role !== undefined && (decision.roles ?? []).includes(caller.role);
  const byScope = caller.scope !== undefined && (decision.scopes ?? []).includes(caller.scope);
  return byRole || byScope ? 'allowed' : 403;
}

/**
 * The guard's refusals are problem details with code UNAUTHORIZED or FORBIDDEN. A route's own check past the
 * guard answers with its own code (the SMS webhook's `SMS_SIGNATURE_INVALID`): the guard let that caller in.
 */
function answered({ status, code, text }: Answer): 401 | 403 | 'allowed' | `unexpected ${number} ${string}` {
  if ((status === 401 || status === 403) && (code === 'UNAUTHORIZED' || code === 'FORBIDDEN')) return status;
  return status < 500 ? 'allowed' : `unexpected ${status} ${text.slice(0, 300)}`;
}

interface Answer {
  status: number;
  code?: string;
  text: string;
}

async function call(url: string, route: Route, caller: Caller): Promise<Answer> {
  // Path parameters get a value that exists nowhere (an allowed caller gets a 400 or 404), except a team:
  // the seeded people's own, since a lead of another team is refused by team isolation, not by this rule.
  const path = route.path.replace('{teamId}', 'customer-care').replace(/\{[^}]+\}/g, '1');
  const headers: Record<string, string> = caller.token ? { authorization: `Bearer ${caller.token}` } : {};
  const body = route.method === 'GET' ? undefined : '{}';
  if (body) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method: route.method, headers, body, redirect: 'manual' });
  const text = await response.text();
  const code = response.headers.get('content-type')?.includes('json')
    ? (JSON.parse(text) as { code?: string }).code
    : undefined;
  return { status: response.status, code, text };
}

/** `work` for every item, at most `width` at a time: the test is about the guard, not about a burst. */
async function inTurn<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

describe('authorisation matrix: every route × anonymous, each role, each scope', () => {
  const topicPrefix = freshTopicPrefix();
  const beds = Object.fromEntries(
    SERVICES.map((name) => [
      name,
      serviceBed({ service: name, topicPrefix, autoStart: false, readyTimeoutMs: 150000 }),
    ]),
  ) as Record<ServiceName, ServiceBed>;
  const callers: Caller[] = [{ name: 'anonymous' }];

  beforeAll(async () => {
    const bed = beds['scoring'];
    const [people, machines] = await Promise.all([
      Promise.all(
        Object.entries(PEOPLE).map(async ([name, role]) => ({ name, role, token: await bed.tokenFor(name) })),
      ),
      Promise.all(
        Object.entries(MACHINES).map(async ([name, scope]) => ({ name, scope, token: await bed.clientToken(name) })),
      ),
      ...SERVICES.map((name) => beds[name].start()),
    ]);
    callers.push(...people, ...machines);
  }, 240000);

  for (const service of SERVICES) {
    it(`${service}: every route declares a decision, and the guard answers each caller by it`, async () => {
      const { url } = beds[service];
      const docs = await fetch(`${url}/docs-json`);
      expect(docs.status).toBe(200);
      const routes = routesOf((await docs.json()) as OpenApiDocument);
      expect(routes.length).toBeGreaterThan(0);
      expect(routes.filter((route) => !route.decision).map((route) => `${route.method} ${route.path}`)).toEqual([]);
      const declared = Object.fromEntries(
        routes.map((route) => [`${route.method} ${route.path}`, written(route.decision)]),
      );
      expect(declared).toEqual(POLICY[service]);

      const undocumented = (UNDOCUMENTED[service] ?? []).map((route) => ({ ...route, decision: { public: true } }));
      const checks = [...routes, ...undocumented].flatMap((route) =>
        callers.map((caller) => ({ route, caller, expected: expected(route.decision as Decision, caller) })),
      );
      const outcomes = await inTurn(checks, 8, async (check) => ({
        ...check,
        got: answered(await call(url, check.route, check.caller)),
      }));
      const wrong = outcomes
        .filter((outcome) => outcome.got !== outcome.expected)
        .map(
          ({ route, caller, expected: want, got }) =>
            `${route.method} ${route.path} as ${caller.name}: ${got}, want ${want}`,
        );
      expect(wrong).toEqual([]);
    });
  }
});
