import type { Principal } from '@nps/auth';
import { seesTeam } from '../access/team-access';
import type { CaseRecord } from '../cases/case.record';
import type { RoutingFacts, RoutingRule } from './routing-rule';
import { RuleMatcher } from './rule.matcher';

/** A recent case the draft rule matches: in full for the caller's teams, else only when, where and whether it wins. */
export type PreviewedCase = {
  openedAt: Date;
  /** The team the case is in now. */
  teamId: string;
  /** True when the draft, at its position among the current rules, would be the rule that routes the case. */
  wins: boolean;
  /** The team the case would go to with the draft in place (the draft's, an earlier rule's, or the default team). */
  routedTo: string;
} & (
  | { redacted: true }
  | {
      redacted: false;
      id: string;
      score: number;
      segment: string;
      region: string;
      tier: string;
      language: string;
      touchpointType: string;
      tagIds: string[];
    }
);

export interface RulePreview {
  /** How many recent cases were tried. */
  considered: number;
  /** How many of them the draft's conditions match. */
  matched: number;
  /** How many the draft would actually route (an earlier enabled rule takes the others). */
  won: number;
  cases: PreviewedCase[];
}

/** The facts a case was routed on, as far as the case keeps them (tags as they are now). */
export function routingFactsOf(c: CaseRecord): RoutingFacts {
  return {
    segment: c.segment,
    region: c.region,
    tier: c.tier,
    language: c.language,
    touchpointType: c.touchpointType,
    score: c.score,
    tagIds: c.tagIds,
  };
}

/**
 * "Try this rule": which of `recent` cases the draft matches, and whether it would win among `rules` (the draft
 * replaces the rule of the same id). The same RuleMatcher as case opening decides; another team's case is
 * redacted as in the customer story (ADR 0020).
 */
export function previewRule(
  draft: RoutingRule,
  rules: RoutingRule[],
  recent: CaseRecord[],
  defaultTeamId: string,
  principal: Principal,
): RulePreview {
  const withDraft = [...rules.filter((rule) => rule.id !== draft.id), draft];
  const cases: PreviewedCase[] = [];
  let won = 0;
  for (const c of recent) {
    const facts = routingFactsOf(c);
    if (!RuleMatcher.matches(facts, draft.conditions)) continue;
    const choice = RuleMatcher.choose(facts, withDraft, defaultTeamId);
    const wins = choice.rule?.id === draft.id;
    if (wins) won += 1;
    const common = { openedAt: c.openedAt, teamId: c.teamId, wins, routedTo: choice.teamId };
    cases.push(
      seesTeam(principal, c.teamId)
        ? { ...common, redacted: false, id: c.id, ...facts }
        : { ...common, redacted: true },
    );
  }
  return { considered: recent.length, matched: cases.length, won, cases };
}
