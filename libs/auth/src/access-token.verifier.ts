import { Injectable } from '@nestjs/common';
import type { JWTVerifyGetKey } from 'jose';
import { AuthSettings } from './auth.settings';
import { type Principal, principalFrom } from './principal';

/** The token is not acceptable (signature, issuer, audience, expiry, claims): answer 401. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** The issuer's discovery document or keys cannot be fetched: answer 503, the token may be fine. */
export class IssuerUnavailableError extends Error {
  override readonly name = 'IssuerUnavailableError';
}

const ALGORITHMS = ['RS256', 'ES256'];

// jose is ESM-only; Node 24 loads it with require(), but Jest's module loader cannot. Loading it
// on first use keeps every module that merely imports @nps/auth loadable in unit tests.
const jose = () => import('jose');

/**
 * Verifies bearer JWTs with the keys the issuer publishes: discovery document → jwks_uri, keys
 * picked by `kid` and refreshed on an unknown one (jose). `iss`, `aud`, `exp` and `sub` are required.
 */
@Injectable()
export class AccessTokenVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(private readonly settings: AuthSettings) {}

  async verify(token: string): Promise<Principal> {
    const { jwtVerify, errors } = await jose();
    const keys = await this.keySet();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['iss', 'aud', 'exp', 'sub'],
      });
      return principalFrom(payload, this.settings.rolesClaim, this.settings.teamsClaim);
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || !(error instanceof Error))
        throw new IssuerUnavailableError(String(error));
      if (error instanceof errors.JOSEError || error.message === 'the token has no sub')
        throw new InvalidTokenError(error.message);
      // A failed fetch of the key set (issuer down) surfaces as a plain TypeError.
      throw new IssuerUnavailableError(`the issuer's keys cannot be fetched: ${error.message}`);
    }
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    // Rediscover after a failure rather than caching it: the issuer may start after this service.
    this.keys ??= this.discover().catch((error: Error) => {
      this.keys = undefined;
      throw new IssuerUnavailableError(`the issuer's discovery document cannot be read: ${error.message}`);
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const { createRemoteJWKSet } = await jose();
    const url = `${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'error' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== this.settings.issuer) throw new Error(`${url} names issuer ${String(document.issuer)}`);
    if (typeof document.jwks_uri !== 'string') throw new Error(`${url} has no jwks_uri`);
    return createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: 5000, cooldownDuration: 30000 });
  }
}
