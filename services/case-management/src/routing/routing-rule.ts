import type { Priority } from '../sla/priority';

/** What a rule looks at; every listed condition must hold, an absent one always holds. */
export interface RuleConditions {
  segments?: string[];
  regions?: string[];
  tiers?: string[];
  languages?: string[];
  touchpointTypes?: string[];
  minScore?: number;
  maxScore?: number;
  /** At least one of these root-cause tags is known when the case opens. */
  anyTags?: string[];
}

export interface RoutingRule {
  id: string;
  /** Rules are tried in ascending position; the first that matches wins. */
  position: number;
  teamId: string;
  conditions: RuleConditions;
  /** Overrides the computed priority when set. */
  priority: Priority | null;
  enabled: boolean;
}

/** The facts a detractor is routed on. */
export interface RoutingFacts {
  segment: string;
  region: string;
  tier: string;
  language: string;
  touchpointType: string;
  score: number;
  tagIds: string[];
}
