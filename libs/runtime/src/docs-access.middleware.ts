import type { INestApplication } from '@nestjs/common';
import { type AccessRule, AccessTokenVerifier, authorizeBearer } from '@nps/auth';
import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from './problems/problem-details';
import { problemOf } from './problems/problem.mapper';

/** Who may read /docs and /docs-json in production: the route map is a reconnaissance aid. */
export const PRODUCTION_DOCS_RULE: AccessRule = { roles: ['admin'] };

/**
 * Puts /docs and /docs-json behind a bearer token with role admin (NPS_ENV=production). Swagger
 * serves them outside Nest's router, so AuthGuard never sees them; this does the same check and
 * answers refusals as problem details. A service without AuthModule gets no docs at all.
 */
export function guardDocs(app: INestApplication, service: string, retryAfterSeconds: number): void {
  let verifier: AccessTokenVerifier | undefined;
  try {
    verifier = app.get(AccessTokenVerifier, { strict: false });
  } catch {
    verifier = undefined;
  }
  app.use(['/docs', '/docs-json'], (request: Request, response: Response, next: NextFunction) => {
    const refuse = (error: unknown) => {
      const { problem, headers } = problemOf(error, { service, retryAfterSeconds });
      response.status(problem.status).set(headers).type(PROBLEM_CONTENT_TYPE).json(problem);
    };
    if (!verifier) return refuse(new Error('no token verifier: the API documentation is not served in production'));
    authorizeBearer(verifier, request.headers.authorization, PRODUCTION_DOCS_RULE, response).then(() => next(), refuse);
  });
}
