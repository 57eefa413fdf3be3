import type { BaseEnv } from '@nps/config';

/** Where tokens come from and which claims carry roles and teams (the OIDC_* variables of BaseEnv). */
export abstract class AuthSettings {
  abstract readonly issuer: string;
  abstract readonly audience: string;
  abstract readonly rolesClaim: string;
  abstract readonly teamsClaim: string;
}

/** AuthSettings from a service's validated environment. */
export function authSettingsFrom(env: BaseEnv): AuthSettings {
  return {
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    rolesClaim: env.OIDC_ROLES_CLAIM,
    teamsClaim: env.OIDC_TEAMS_CLAIM,
  };
}
