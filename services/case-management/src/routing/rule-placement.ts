import type { RoutingRule } from './routing-rule';

/** Where a lead's rule may go, and the rule of another team that bounds it. */
export interface PlacementBound {
  /** The smallest position the rule may take. */
  minimumPosition: number;
  /** The last rule of a team the lead does not lead; absent when there is none. */
  after?: Pick<RoutingRule, 'id' | 'teamId' | 'position'>;
}

/**
 * Rules are tried by ascending position (then id) and the first match wins, so a rule placed before
 * another team's rules can take that team's detractors. A lead's rule therefore comes after every
 * rule of every team they do not lead, enabled or not (a disabled one may be enabled again), and
 * strictly after it, since ties go by an id the lead chooses (ADR 0020).
 */
export function placementBound(rules: RoutingRule[], ledTeams: string[], ruleId?: string): PlacementBound {
  const others = rules.filter((rule) => rule.id !== ruleId && !ledTeams.includes(rule.teamId));
  if (others.length === 0) return { minimumPosition: 0 };
  const last = others.reduce((a, b) => (b.position > a.position ? b : a));
  return { minimumPosition: last.position + 1, after: { id: last.id, teamId: last.teamId, position: last.position } };
}
