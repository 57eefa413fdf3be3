import type { Principal } from '@nps/auth';

/** Admins see and manage every team (ADR 0020). */
export function isAdmin(principal: Principal): boolean {
  return principal.roles.includes('admin');
}

/**
 * Team isolation (ADR 0020): an admin sees every team's cases, anyone else only the cases of the
 * teams in their token, whoever owns the case.
 */
export function seesTeam(principal: Principal, teamId: string): boolean {
  return isAdmin(principal) || principal.teams.includes(teamId);
}

/** The teams a list is confined to for this caller: undefined for an admin (every team). */
export function visibleTeams(principal: Principal): string[] | undefined {
  return isAdmin(principal) ? undefined : principal.teams;
}

/** Leads manage the teams in their token; admins every team. */
export function leads(principal: Principal, teamId: string): boolean {
  return isAdmin(principal) || (principal.roles.includes('lead') && principal.teams.includes(teamId));
}

/**
 * Loop metrics are counts and durations, no case or customer: analysts read them for every team,
 * as they read the NPS of every team; leads their own teams; admins every team.
 */
export function metricsTeams(principal: Principal): string[] | undefined {
  return principal.roles.includes('analyst') ? undefined : visibleTeams(principal);
}
