import type { RoutingFacts, RoutingRule, RuleConditions } from './routing-rule';

export interface TeamChoice {
  teamId: string;
  rule: RoutingRule | null;
}

/**
 * Picks the team for a detractor: the first enabled rule (by position) whose conditions all hold, else the default
 * team.
 */
export class RuleMatcher {
  static choose(facts: RoutingFacts, rules: RoutingRule[], defaultTeamId: string): TeamChoice {
    const ordered = [...rules]
      .filter((rule) => rule.enabled)
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    const rule = ordered.find((candidate) => RuleMatcher.matches(facts, candidate.conditions)) ?? null;
    return { teamId: rule?.teamId ?? defaultTeamId, rule };
  }

  static matches(facts: RoutingFacts, conditions: RuleConditions): boolean {
    const within = (allowed: string[] | undefined, value: string) =>
      !allowed?.length || allowed.map(lower).includes(lower(value));
    return (
      within(conditions.segments, facts.segment) &&
      within(conditions.regions, facts.region) &&
      within(conditions.tiers, facts.tier) &&
      within(conditions.languages, facts.language) &&
      within(conditions.touchpointTypes, facts.touchpointType) &&
      (conditions.minScore === undefined || facts.score >= conditions.minScore) &&
      (conditions.maxScore === undefined || facts.score <= conditions.maxScore) &&
      (!conditions.anyTags?.length || conditions.anyTags.some((tag) => facts.tagIds.includes(tag)))
    );
  }
}

const lower = (value: string) => value.toLowerCase();
