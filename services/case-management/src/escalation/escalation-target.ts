import type { Member, Team } from '../teams/team';

export interface EscalationTarget {
  memberId: string;
  name: string;
  email: string;
}

/**
 * Level 1 goes to the team lead; level 2 and up to the escalation member, else the escalation email (team's, then
 * global), else the lead again.
 */
export function escalationTarget(
  level: number,
  team: Team,
  lead: Member | null,
  escalationMember: Member | null,
  globalEmail: string | undefined,
): EscalationTarget | null {
  const asTarget = (member: Member | null) =>
    member ? { memberId: member.id, name: member.name, email: member.email } : null;
  if (level <= 1) return asTarget(lead);
  if (escalationMember) return asTarget(escalationMember);
  const email = team.escalationEmail ?? globalEmail;
  if (email) return { memberId: '', name: 'Escalation contact', email };
  return asTarget(lead);
}
