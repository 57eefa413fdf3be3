export const ROLES = ['agent', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who calls the ops API, from the token's claims: `sub` is their member id, `roles` a subset of
 * agent/lead/admin, `teams` the team ids they belong to (docs/case-management.md, Auth).
 */
export interface Operator {
  memberId: string;
  roles: Role[];
  teamIds: string[];
}

export function isAdmin(operator: Operator): boolean {
  return operator.roles.includes('admin');
}

/** Leads act on the teams in their token; admins on every team. */
export function leads(operator: Operator, teamId: string): boolean {
  return isAdmin(operator) || (operator.roles.includes('lead') && operator.teamIds.includes(teamId));
}

/** Whether the operator may see and work a case of `teamId` owned by `ownerId`. */
export function mayWorkCase(operator: Operator, teamId: string, ownerId: string | null): boolean {
  return isAdmin(operator) || operator.teamIds.includes(teamId) || (ownerId !== null && ownerId === operator.memberId);
}
