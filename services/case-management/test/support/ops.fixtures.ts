import { callJson } from '@nps/testing';

export interface TeamSetup {
  id: string;
  members: { id: string; available?: boolean }[];
  rule?: { id: string; position: number; conditions: Record<string, unknown>; priority?: string };
  calendar?: Partial<{ timeZone: string; workingDays: number[]; dayStart: string; dayEnd: string; holidays: string[] }>;
  leadMemberId?: string;
  escalationMemberId?: string;
  webhookUrl?: string;
  /** Language of the team's notifications (BCP 47). */
  language?: string;
}

/** Creates a team, its members and its routing rule through the API, as the admin holding `admin` (a token). */
export async function setUpTeam(url: string, admin: string, team: TeamSetup): Promise<void> {
  const created = await callJson(url, 'POST', '/teams', admin, {
    id: team.id,
    name: `Team ${team.id}`,
    calendar: {
      timeZone: 'Europe/Amsterdam',
      workingDays: [1, 2, 3, 4, 5],
      dayStart: '09:00',
      dayEnd: '17:00',
      ...team.calendar,
    },
    ...(team.webhookUrl ? { webhookUrl: team.webhookUrl } : {}),
    ...(team.language ? { language: team.language } : {}),
  });
  if (created.status !== 201) throw new Error(`team ${team.id}: ${created.status} ${JSON.stringify(created.body)}`);
  for (const member of team.members) {
    const added = await callJson(url, 'POST', `/teams/${team.id}/members`, admin, {
      id: member.id,
      name: `Member ${member.id}`,
      email: `${member.id}@example.com`,
      available: member.available ?? true,
    });
    if (added.status !== 201) throw new Error(`member ${member.id}: ${added.status} ${JSON.stringify(added.body)}`);
  }
  if (team.leadMemberId || team.escalationMemberId) {
    const patched = await callJson(url, 'PATCH', `/teams/${team.id}`, admin, {
      leadMemberId: team.leadMemberId,
      escalationMemberId: team.escalationMemberId,
    });
    if (patched.status !== 200)
      throw new Error(`team ${team.id} lead: ${patched.status} ${JSON.stringify(patched.body)}`);
  }
  if (team.rule) {
    const rule = await callJson(url, 'POST', '/routing-rules', admin, { ...team.rule, teamId: team.id });
    if (rule.status !== 201) throw new Error(`rule ${team.rule.id}: ${rule.status} ${JSON.stringify(rule.body)}`);
  }
}
