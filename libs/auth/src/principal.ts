/** People's roles; `analyst` reads the NPS (issue 13). */
export const ROLES = ['agent', 'lead', 'admin', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Scopes of machine clients (partner systems, kiosks, CRM sync). */
export const SCOPES = [
  'responses:write',
  'customers:write',
  'surveys:send',
  'imports:write',
  'taxonomy:admin',
  'nps:read',
  // Reads everything a service holds about one customer (access requests, docs/privacy.md).
  'privacy:export',
  // Erases a customer everywhere (right to erasure, docs/privacy.md); survey-dispatch only.
  'privacy:erase',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Who calls, from a verified access token: a person (roles and teams from the configured claims)
 * or a machine (scopes from `scope`). `subject` is the token's `sub`: a member id or a client id.
 */
export interface Principal {
  subject: string;
  clientId?: string;
  roles: Role[];
  teams: string[];
  scopes: Scope[];
}

/** Claims of a verified token → Principal; roles and scopes this platform does not know are dropped. */
export function principalFrom(claims: Record<string, unknown>, rolesClaim: string, teamsClaim: string): Principal {
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new Error('the token has no sub');
  const scope = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  return {
    subject: claims.sub,
    clientId: typeof claims.client_id === 'string' ? claims.client_id : undefined,
    roles: listOf(claims[rolesClaim]).filter((role): role is Role => (ROLES as readonly string[]).includes(role)),
    teams: listOf(claims[teamsClaim]),
    scopes: scope.filter((name): name is Scope => (SCOPES as readonly string[]).includes(name)),
  };
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
