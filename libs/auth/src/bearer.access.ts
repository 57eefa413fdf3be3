import { ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { type AccessRule, decideAccess } from './access.rule';
import { type AccessTokenVerifier, IssuerUnavailableError } from './access-token.verifier';
import type { Principal } from './principal';

/** Where a refusal's `WWW-Authenticate` header goes (an express or Nest response). */
export interface ChallengeTarget {
  setHeader(name: string, value: string): void;
}

/**
 * The caller behind an `Authorization` header, if `rule` lets it in; otherwise throws what the
 * answer must be: 401 (no or bad token, with a Bearer challenge), 403 (rule not met), 503 (issuer down).
 * AuthGuard uses it for routes; a service uses it where no Nest guard runs (the production /docs).
 */
export async function authorizeBearer(
  verifier: AccessTokenVerifier,
  header: string | string[] | undefined,
  rule: AccessRule,
  response: ChallengeTarget,
): Promise<Principal> {
  const [scheme, token, ...rest] = (typeof header === 'string' ? header : '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
    response.setHeader('WWW-Authenticate', 'Bearer');
    throw new UnauthorizedException('a bearer token is required');
  }
  let principal: Principal;
  try {
    principal = await verifier.verify(token);
  } catch (error) {
    if (error instanceof IssuerUnavailableError)
      throw new ServiceUnavailableException('the token issuer cannot be reached');
    response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
  }
  const decision = decideAccess(rule, principal);
  if (!decision.allowed) throw new ForbiddenException(decision.reason);
  return principal;
}
