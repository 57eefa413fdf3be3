import { type AccessRule, decideAccess } from './access.rule';
import { type Principal, principalFrom } from './principal';

const person = (roles: Principal['roles']): Principal => ({
  subject: 'alice',
  roles,
  teams: ['customer-care'],
  scopes: [],
});
const machine = (scopes: Principal['scopes']): Principal => ({ subject: 'crm', roles: [], teams: [], scopes });

describe('decideAccess', () => {
  it.each<[string, AccessRule, Principal, boolean]>([
    ['a public route', { public: true }, machine([]), true],
    ['an authenticated-only route', { authenticated: true }, machine([]), true],
    ['a route that declares nothing', {}, person(['admin']), false],
    ['a role route, role held', { roles: ['lead', 'admin'] }, person(['lead']), true],
    ['a role route, role missing', { roles: ['lead'] }, person(['agent']), false],
    ['a role route, machine', { roles: ['admin'] }, machine(['nps:read']), false],
    ['a scope route, scope held', { scopes: ['nps:read'] }, machine(['nps:read']), true],
    ['a scope route, other scope', { scopes: ['nps:read'] }, machine(['responses:write']), false],
    ['roles or scopes, by role', { roles: ['analyst'], scopes: ['nps:read'] }, person(['analyst']), true],
    ['roles or scopes, by scope', { roles: ['analyst'], scopes: ['nps:read'] }, machine(['nps:read']), true],
  ])('%s → allowed: %s', (_name, rule, principal, allowed) => {
    expect(decideAccess(rule, principal).allowed).toBe(allowed);
  });

  it('names what is missing', () => {
    expect(decideAccess({ roles: ['lead'], scopes: ['nps:read'] }, person(['agent']))).toEqual({
      allowed: false,
      reason: 'requires role lead, or scope nps:read',
    });
  });
});

describe('principalFrom', () => {
  it('reads roles and teams from the configured claims and scopes from scope, dropping unknown ones', () => {
    const claims = {
      sub: 'lena',
      client_id: 'lena',
      groups: ['lead', 'superuser'],
      units: 'billing',
      scope: 'nps:read openid',
    };
    expect(principalFrom(claims, 'groups', 'units')).toEqual({
      subject: 'lena',
      clientId: 'lena',
      roles: ['lead'],
      teams: ['billing'],
      scopes: ['nps:read'],
    });
  });

  it('refuses a token without sub', () => {
    expect(() => principalFrom({ roles: ['admin'] }, 'roles', 'teams')).toThrow('the token has no sub');
  });
});
