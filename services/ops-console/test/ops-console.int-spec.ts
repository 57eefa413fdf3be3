import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServiceProcess } from '@nps/testing';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  body: string;
}

/** A stand-in service: answers each path with a fixed status and problem details, records what came. */
async function fakeService(name: string, seen: Seen[]): Promise<{ server: Server; url: string }> {
  const answers: Record<string, number> = {
    '/health/live': 200,
    '/cases': 401,
    '/cases/42': 403,
    '/cases/42/resolve': 409,
  };
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
    const status = answers[req.url?.split('?')[0] ?? ''] ?? 200;
    const problem = { type: `https://nps.example.com/problems/${status}`, title: `${name} says ${status}`, status };
    res.writeHead(status, { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' });
    res.end(JSON.stringify(status === 200 ? { service: name, path: req.url } : problem));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${port}` };
}

// The console's server (issue #17): the built page with a fallback for client routes, config.json,
// same-origin proxies that pass the services' answers through untouched, headers and probes.
describe('ops-console server', () => {
  const seen: Seen[] = [];
  const web = mkdtempSync(join(tmpdir(), 'ops-console-web-'));
  let consoleServer: ServiceProcess;
  let url: string;
  let upstreams: Server[] = [];

  beforeAll(async () => {
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
    writeFileSync(join(web, 'assets/app-1234.js'), 'console.log("app")');
    const cm = await fakeService('case-management', seen);
    const scoring = await fakeService('scoring', seen);
    upstreams = [cm.server, scoring.server];
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    consoleServer = ServiceProcess.start({
      entry: 'services/ops-console/src/main.ts',
      env: {
        PORT: String(port),
        CASE_MANAGEMENT_URL: cm.url,
        SCORING_URL: scoring.url,
        OPS_CONSOLE_WEB_ROOT: web,
        OIDC_ISSUER: 'http://issuer.example.com:8443',
        LOG_LEVEL: 'warn',
      },
    });
    await consoleServer.waitForHttp(`${url}/health/ready`);
  });

  afterAll(async () => {
    await consoleServer?.stop();
    for (const server of upstreams) server.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('tells the page where to sign in: issuer, public client id, audience and claim names', async () => {
    const answer = await fetch(`${url}/config.json`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      issuer: 'http://issuer.example.com:8443',
      clientId: 'ops-console',
      audience: 'urn:nps:api',
      rolesClaim: 'roles',
      teamsClaim: 'teams',
    });
  });

  it.each([
    ['GET', '/api/case-management/cases?scope=mine', 401, '/cases?scope=mine'],
    ['GET', '/api/case-management/cases/42', 403, '/cases/42'],
    ['POST', '/api/case-management/cases/42/resolve', 409, '/cases/42/resolve'],
  ])(
    'proxies %s %s and passes the %i problem details through untouched',
    async (method, path, status, upstreamPath) => {
      const body = method === 'POST' ? JSON.stringify({ rootCause: 'delivery-late' }) : undefined;
      const answer = await fetch(`${url}${path}`, {
        method,
        body,
        headers: { authorization: 'Bearer the-token', ...(body ? { 'content-type': 'application/json' } : {}) },
      });
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(await answer.json()).toEqual({
        type: `https://nps.example.com/problems/${status}`,
        title: `case-management says ${status}`,
        status,
      });
      expect(seen.at(-1)).toEqual({ method, url: upstreamPath, authorization: 'Bearer the-token', body: body ?? '' });
    },
  );

  it('proxies /api/scoring to scoring', async () => {
    const answer = await fetch(`${url}/api/scoring/nps?from=2026-01-01`, { headers: { authorization: 'Bearer t' } });
    expect(await answer.json()).toEqual({ service: 'scoring', path: '/nps?from=2026-01-01' });
  });

  it('serves the page for client routes and assets as files, but no page for a missing file', async () => {
    for (const path of ['/', '/cases/42', '/callback?code=x&state=y', '/dashboard']) {
      const page = await fetch(`${url}${path}`);
      expect([path, page.status, await page.text()]).toEqual([path, 200, expect.stringContaining('<div id="root">')]);
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await fetch(`${url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/assets/gone-9999.js`)).status).toBe(404);
  });

  it('sends security headers: a CSP that lets the page call only itself and the issuer, no framing', async () => {
    const page = await fetch(`${url}/cases/42`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' http://issuer.example.com:8443");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('is ready with the page and both services live, and says which is missing otherwise', async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { info: unknown }).info).toMatchObject({
      web: { status: 'up' },
      'case-management': { status: 'up' },
      scoring: { status: 'up' },
    });
    upstreams[1].close();
    upstreams[1].closeAllConnections();
    const down = await fetch(`${url}/health/ready`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: unknown }).error).toMatchObject({ scoring: { status: 'down' } });
    const unreachable = await fetch(`${url}/api/scoring/nps`);
    expect(unreachable.status).toBe(502);
    expect(unreachable.headers.get('content-type')).toBe('application/problem+json');
  });
});
