import type { ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { OpsConsoleEnv } from '../ops-console.env';

/** The services the page reaches through the console: `/api/<name>/*` → `<url>/*`. */
export function upstreamsOf(env: OpsConsoleEnv): Record<string, string> {
  return { 'case-management': env.CASE_MANAGEMENT_URL, scoring: env.SCORING_URL };
}

/**
 * Same-origin reverse proxies to the services (docs/adr/0042-ops-console.md): the page never needs
 * CORS, and its bearer token only ever goes to its own origin. Headers (Authorization included),
 * status and body pass through untouched, so the services' 401/403/409 problem details reach the
 * page as they were sent. Registered before any body parser: the request body streams through unread.
 */
export function useApiProxies(app: INestApplication, env: OpsConsoleEnv): void {
  for (const [name, target] of Object.entries(upstreamsOf(env))) {
    app.use(
      `/api/${name}`,
      createProxyMiddleware({
        target,
        changeOrigin: true,
        proxyTimeout: 30000,
        on: { error: (_error, _req, res) => unreachable(res as ServerResponse, name) },
      }),
    );
  }
}

/** 502 problem details when the service does not answer: the page shows it like any other problem. */
function unreachable(res: ServerResponse, name: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(502, { 'content-type': 'application/problem+json' });
  res.end(
    JSON.stringify({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: `${name} did not answer; try again in a moment`,
    }),
  );
}
