export interface MemberLoad {
  id: string;
  available: boolean;
  openCases: number;
  /** When the member last got a case by load; ties go to whoever waited longest (round-robin). */
  lastAssignedAt: Date | null;
}

export type OwnerReason = 'account_owner' | 'least_loaded' | 'no_member_available';

export interface OwnerChoice {
  ownerId: string | null;
  reason: OwnerReason;
  /** For people: "account owner", "least loaded: 3 open". */
  detail: string;
}

/**
 * Picks the owner within a team: the customer's account owner if a present member, else the least-loaded present
 * member.
 */
export class OwnerPicker {
  static pick(members: MemberLoad[], accountOwnerId: string): OwnerChoice {
    const present = members.filter((member) => member.available);
    if (accountOwnerId && present.some((member) => member.id === accountOwnerId)) {
      return { ownerId: accountOwnerId, reason: 'account_owner', detail: 'account owner' };
    }
    if (present.length === 0)
      return { ownerId: null, reason: 'no_member_available', detail: 'no member of the team is available' };
    const [chosen] = [...present].sort(
      (a, b) => a.openCases - b.openCases || waited(a) - waited(b) || a.id.localeCompare(b.id),
    );
    const away =
      accountOwnerId && members.some((member) => member.id === accountOwnerId) ? ' (account owner unavailable)' : '';
    return { ownerId: chosen.id, reason: 'least_loaded', detail: `least loaded: ${chosen.openCases} open${away}` };
  }
}

function waited(member: MemberLoad): number {
  return member.lastAssignedAt?.getTime() ?? 0;
}
