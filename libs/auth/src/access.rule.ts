import type { Principal, Role, Scope } from './principal';

/** What a route declares through @Public, @Authenticated, @Roles and @Scopes. */
export interface AccessRule {
  public?: boolean;
  authenticated?: boolean;
  roles?: Role[];
  scopes?: Scope[];
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether an authenticated principal may use a route. Deny by default: a route that declares
 * nothing is refused, so a new route cannot ship open by omission (docs/adr/0016-authentication.md).
 */
export function decideAccess(rule: AccessRule, principal: Principal): AccessDecision {
  if (rule.public || rule.authenticated) return { allowed: true };
  const roles = rule.roles ?? [];
  const scopes = rule.scopes ?? [];
  if (roles.length === 0 && scopes.length === 0)
    return { allowed: false, reason: 'this route declares no access rule' };
  if (roles.some((role) => principal.roles.includes(role))) return { allowed: true };
  if (scopes.some((scope) => principal.scopes.includes(scope))) return { allowed: true };
  return { allowed: false, reason: `requires ${describe(roles, scopes)}` };
}

function describe(roles: Role[], scopes: Scope[]): string {
  const parts = [];
  if (roles.length > 0) parts.push(`role ${roles.join(' or ')}`);
  if (scopes.length > 0) parts.push(`scope ${scopes.join(' or ')}`);
  return parts.join(', or ');
}
