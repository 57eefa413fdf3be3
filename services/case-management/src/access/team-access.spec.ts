import type { Principal } from '@nps/auth';
import { isAdmin, leads, seesTeam, visibleTeams } from './team-access';

const person = (roles: Principal['roles'], teams: string[]): Principal => ({
  subject: 'someone',
  roles,
  teams,
  scopes: [],
});

describe('team access', () => {
  const agentA = person(['agent'], ['team-a']);
  const leadA = person(['lead'], ['team-a']);
  const admin = person(['admin'], []);

  it.each([
    ['an agent, their team', agentA, 'team-a', true],
    ['an agent, another team', agentA, 'team-b', false],
    ['a lead, another team', leadA, 'team-b', false],
    ['an admin without teams, any team', admin, 'team-b', true],
    ['a machine without roles or teams', person([], []), 'team-a', false],
  ])('seesTeam: %s → %s', (_name, principal, teamId, expected) => {
    expect(seesTeam(principal, teamId)).toBe(expected);
  });

  it('confines lists to the caller’s teams, except for admins', () => {
    expect(visibleTeams(agentA)).toEqual(['team-a']);
    expect(visibleTeams(person(['agent'], []))).toEqual([]);
    expect(visibleTeams(admin)).toBeUndefined();
  });

  it('lets leads manage only their own teams, and an agent of a team no team', () => {
    expect(leads(leadA, 'team-a')).toBe(true);
    expect(leads(leadA, 'team-b')).toBe(false);
    expect(leads(agentA, 'team-a')).toBe(false);
    expect(leads(admin, 'team-z')).toBe(true);
    expect(isAdmin(leadA)).toBe(false);
  });
});
