import { useAuth } from 'react-oidc-context';

export type Role = 'agent' | 'lead' | 'admin' | 'analyst';

/** The signed-in person as the services see them: the claims of the access token. */
export interface Principal {
  subject: string;
  name: string;
  roles: Role[];
  teams: string[];
}

export function principalOf(accessToken: string): Principal {
  const payload = accessToken.split('.')[1] ?? '';
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return {
    subject: String(claims.sub ?? ''),
    name: typeof claims.name === 'string' ? claims.name : String(claims.sub ?? ''),
    roles: list(claims.roles) as Role[],
    teams: list(claims.teams),
  };
}

/** The signed-in person; only inside RequireLogin. */
export function usePrincipal(): Principal {
  const token = useAuth().user?.access_token;
  if (!token) throw new Error('usePrincipal outside RequireLogin');
  return principalOf(token);
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
