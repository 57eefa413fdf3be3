import type { Principal } from '@nps/auth';
import { seesTeam } from '../access/team-access';
import type { CustomerFactsRow } from '../customers/customer.repository';
import type { CaseRecord } from './case.record';

export interface CustomerScore {
  responseId: string;
  revision: number;
  score: number;
  answeredAt: Date | null;
}

/** Another team's case in the story: that it exists, when, how far it got and where (ADR 0020). */
export interface RedactedCase {
  redacted: true;
  openedAt: Date;
  status: CaseRecord['status'];
  teamId: string;
}

/**
 * The customer story of a case for one caller: facts, every score, and the customer's other cases.
 * Cases of teams the caller does not see are redacted to date, status and team: no comment,
 * outcome, tags, root cause, assignee or id (ADR 0020).
 */
export function customerStory(
  c: CaseRecord,
  customer: CustomerFactsRow | null,
  scores: CustomerScore[],
  customerCases: CaseRecord[],
  principal: Principal,
) {
  const visible = customerCases.filter((other) => seesTeam(principal, other.teamId));
  return {
    customerId: c.customerId,
    name: customer?.name ?? '',
    facts: {
      segment: c.segment,
      region: c.region,
      tier: c.tier,
      language: c.language,
      accountOwnerId: customer?.accountOwnerId ?? '',
    },
    crmAttributes: customer?.attributes ?? {},
    scores: mergeScores(scores, customerCases),
    comments: visible
      .filter((other) => other.comment)
      .map((other) => ({
        responseId: other.responseId,
        comment: other.comment,
        tagIds: other.tagIds,
        at: other.openedAt,
      })),
    previousCases: customerCases
      .filter((other) => other.id !== c.id)
      .map((other) => (seesTeam(principal, other.teamId) ? summary(other) : redacted(other))),
  };
}

/**
 * Every score we know of the customer: all answers (from scoring) plus the detractor answers behind
 * cases. Scores are the customer's, not a team's work, so they are shown whole.
 */
function mergeScores(scores: CustomerScore[], cases: CaseRecord[]): CustomerScore[] {
  const known = new Set(scores.map((s) => `${s.responseId}|${s.revision}`));
  const fromCases = cases
    .filter((c) => !known.has(`${c.responseId}|${c.revision}`))
    .map((c) => ({ responseId: c.responseId, revision: c.revision, score: c.score, answeredAt: c.openedAt }));
  return [...scores, ...fromCases].sort((a, b) => (a.answeredAt?.getTime() ?? 0) - (b.answeredAt?.getTime() ?? 0));
}

function summary(c: CaseRecord) {
  return {
    id: c.id,
    responseId: c.responseId,
    teamId: c.teamId,
    ownerId: c.ownerId,
    status: c.status,
    score: c.score,
    openedAt: c.openedAt,
    resolvedAt: c.resolvedAt,
    outcome: c.outcome,
    rootCauseTagId: c.rootCauseTagId,
    tagIds: c.tagIds,
  };
}

function redacted(c: CaseRecord): RedactedCase {
  return { redacted: true, openedAt: c.openedAt, status: c.status, teamId: c.teamId };
}
