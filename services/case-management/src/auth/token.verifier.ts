import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { JwksClient } from 'jwks-rsa';
import { CaseManagementEnv } from '../case-management.env';
import { type Operator, ROLES, type Role } from './operator';

/** Verifies a bearer token: RS256 against the JWKS when AUTH_JWKS_URL is set, else HS256 with AUTH_JWT_SECRET. */
@Injectable()
export class TokenVerifier {
  private readonly jwt = new JwtService();
  private readonly jwks?: JwksClient;

  constructor(private readonly env: CaseManagementEnv) {
    if (env.AUTH_JWKS_URL)
      this.jwks = new JwksClient({
        jwksUri: env.AUTH_JWKS_URL,
        cache: true,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
      });
  }

  /** The operator the token names; throws when it is invalid, expired or lacks the claims. */
  async verify(token: string): Promise<Operator> {
    const checks = { issuer: this.env.AUTH_ISSUER || undefined, audience: this.env.AUTH_AUDIENCE || undefined };
    const claims = this.jwks
      ? await this.jwt.verifyAsync<Record<string, unknown>>(token, {
          ...checks,
          algorithms: ['RS256'],
          publicKey: await this.publicKeyOf(token),
        })
      : await this.jwt.verifyAsync<Record<string, unknown>>(token, {
          ...checks,
          algorithms: ['HS256'],
          secret: this.env.AUTH_JWT_SECRET,
        });
    return operatorFrom(claims);
  }

  private async publicKeyOf(token: string): Promise<string> {
    const decoded = this.jwt.decode<{ header?: { kid?: string } } | null>(token, { complete: true });
    const key = await this.jwks?.getSigningKey(decoded?.header?.kid);
    if (!key) throw new Error('no signing key');
    return key.getPublicKey();
  }
}

function operatorFrom(claims: Record<string, unknown>): Operator {
  const memberId = claims.sub;
  const roles = claims.roles;
  const teams = claims.teams ?? [];
  if (typeof memberId !== 'string' || !memberId) throw new Error('the token has no sub');
  if (!Array.isArray(roles) || !roles.every((role): role is Role => ROLES.includes(role)))
    throw new Error('the token has no valid roles');
  if (!Array.isArray(teams) || !teams.every((team) => typeof team === 'string'))
    throw new Error('teams must be a list of team ids');
  return { memberId, roles, teamIds: teams };
}
