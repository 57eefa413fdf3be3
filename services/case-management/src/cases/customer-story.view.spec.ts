import type { Principal } from '@nps/auth';
import type { CaseRecord } from './case.record';
import { customerStory } from './customer-story.view';

const aCase = (id: string, teamId: string, openedAt: string): CaseRecord =>
  ({
    id,
    responseId: `response-${id}`,
    customerId: 'customer-1',
    teamId,
    ownerId: `owner-${id}`,
    status: 'resolved',
    score: 3,
    revision: 1,
    comment: `comment of ${id}`,
    tagIds: ['delivery'],
    outcome: 'recovered',
    rootCauseTagId: 'delivery',
    openedAt: new Date(openedAt),
    resolvedAt: new Date(openedAt),
  }) as CaseRecord;

const agentOf = (...teams: string[]): Principal => ({ subject: 'agent', roles: ['agent'], teams, scopes: [] });

describe('customerStory', () => {
  const current = aCase('current', 'care', '2026-03-01T10:00:00Z');
  const ownTeam = aCase('own', 'care', '2026-01-01T10:00:00Z');
  const otherTeam = aCase('other', 'billing', '2026-02-01T10:00:00Z');
  const story = (principal: Principal) => customerStory(current, null, [], [ownTeam, otherTeam, current], principal);

  it("redacts another team's case to its date, status and team", () => {
    const { previousCases } = story(agentOf('care'));
    expect(previousCases).toEqual([
      expect.objectContaining({ id: 'own', outcome: 'recovered', ownerId: 'owner-own', tagIds: ['delivery'] }),
      { redacted: true, openedAt: otherTeam.openedAt, status: 'resolved', teamId: 'billing' },
    ]);
  });

  it("leaves another team's comments and tags out, and keeps every score of the customer", () => {
    const result = story(agentOf('care'));
    expect(result.comments.map((c) => c.comment)).toEqual(['comment of own', 'comment of current']);
    expect(JSON.stringify(result)).not.toMatch(/comment of other|owner-other/);
    expect(result.scores.map((s) => s.responseId)).toEqual(['response-own', 'response-other', 'response-current']);
  });

  it('shows an admin every case whole', () => {
    const admin: Principal = { subject: 'admin', roles: ['admin'], teams: [], scopes: [] };
    expect(story(admin).previousCases.every((c) => !('redacted' in c))).toBe(true);
    expect(story(admin).comments).toHaveLength(3);
  });
});
