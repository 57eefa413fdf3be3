import type { IncomingMessage } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HttpEnv } from '@nps/config';
import helmet from 'helmet';
import { jsonDepthOf, MAX_JSON_DEPTH } from './json-depth';

/**
 * Security headers on every response of every service (helmet): a content security policy that
 * allows no inline script and no framing, no MIME sniffing, no referrer across origins, and HSTS
 * once HTTP_HSTS_MAX_AGE_SECONDS is set (production, behind https). docs/security.md, Public surface.
 * `csp` adds or replaces directives (the ops console lets its page call the OIDC issuer).
 */
export function useSecurityHeaders(app: INestApplication, env: HttpEnv, csp: Record<string, string[]> = {}): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', env.HTTP_TRUSTED_PROXY_HOPS);
  express.disable('x-powered-by');
  const https = env.HTTP_HSTS_MAX_AGE_SECONDS > 0;
  express.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'frame-ancestors': ["'none'"],
          ...csp,
          // On plain http (a developer machine) upgrading would break every stylesheet and script.
          'upgrade-insecure-requests': https ? [] : null,
        },
      },
      strictTransportSecurity: https ? { maxAge: env.HTTP_HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
      frameguard: { action: 'deny' },
    }),
  );
}

/**
 * JSON and form bodies up to HTTP_BODY_LIMIT_BYTES (413 problem details above it), with the raw
 * bytes kept for signature checks. A parser the service registered itself (`configure`) comes
 * first and wins; streamed bodies (CSV, JSON Lines) are left to their route.
 */
export function useBodyLimits(app: INestApplication, env: HttpEnv): void {
  const express = app as NestExpressApplication;
  const adapter = express.getHttpAdapter() as unknown as { isMiddlewareApplied(name: string): boolean };
  const limit = env.HTTP_BODY_LIMIT_BYTES;
  if (!adapter.isMiddlewareApplied('jsonParser')) express.useBodyParser('json', { limit, verify: keepJsonBody });
  if (!adapter.isMiddlewareApplied('urlencodedParser'))
    express.useBodyParser('urlencoded', { limit, extended: true, parameterLimit: 1000, depth: 8, verify: keepBody });
}

type WithRawBody = IncomingMessage & { rawBody?: Buffer };

/** Keeps the bytes as sent: signature checks (the inbound SMS webhook) hash them, not the parsed body. */
function keepBody(request: WithRawBody, _response: unknown, bytes: Buffer): void {
  request.rawBody = bytes;
}

/** keepBody, and absurd nesting refused before it is parsed (400, not a stack overflow's 500). */
function keepJsonBody(request: WithRawBody, response: unknown, bytes: Buffer): void {
  keepBody(request, response, bytes);
  if (jsonDepthOf(bytes) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`), {
      status: 400,
      expose: true,
    });
  }
}
