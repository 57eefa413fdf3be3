import type { Member, Team } from '../teams/team';
import { escalationTarget } from './escalation-target';

const team: Team = {
  id: 't',
  name: 'T',
  leadMemberId: 'lead',
  escalationMemberId: null,
  escalationEmail: null,
  webhookUrl: null,
  version: 1,
  calendar: { timeZone: 'UTC', workingDays: [1], dayStart: '09:00', dayEnd: '17:00', holidays: [] },
  language: 'en',
};
const lead: Member = { id: 'lead', teamId: 't', name: 'Lea', email: 'lea@example.com', available: true, version: 1 };
const boss: Member = { id: 'boss', teamId: 'x', name: 'Bo', email: 'bo@example.com', available: true, version: 1 };

describe('escalationTarget', () => {
  it.each([
    ['level 1 → the lead', 1, team, boss, undefined, 'lea@example.com'],
    ['level 2 → the escalation member', 2, team, boss, 'ops@example.com', 'bo@example.com'],
    [
      "level 2 without a member → the team's email",
      2,
      { ...team, escalationEmail: 'team-esc@example.com' },
      null,
      'ops@example.com',
      'team-esc@example.com',
    ],
    ['level 2 without either → the global contact', 2, team, null, 'ops@example.com', 'ops@example.com'],
    ['level 3 with nothing configured → the lead again', 3, team, null, undefined, 'lea@example.com'],
  ])('%s', (_case, level, t, second, global, email) => {
    expect(escalationTarget(level, t, lead, second, global)?.email).toBe(email);
  });
});
