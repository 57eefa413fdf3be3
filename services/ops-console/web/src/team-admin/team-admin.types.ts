/** case-management's team admin shapes (services/case-management/src/teams, routing, sla). */
export interface TeamCalendar {
  timeZone: string;
  workingDays: number[];
  dayStart: string;
  dayEnd: string;
  holidays: string[];
}

export interface Team {
  id: string;
  name: string;
  leadMemberId: string | null;
  escalationMemberId: string | null;
  escalationEmail: string | null;
  calendar: TeamCalendar;
  language: string;
  hasWebhook: boolean;
  version: number;
}

export interface Member {
  id: string;
  teamId: string;
  name: string;
  email: string;
  available: boolean;
  version: number;
}

export interface RuleConditions {
  segments?: string[];
  regions?: string[];
  tiers?: string[];
  languages?: string[];
  touchpointTypes?: string[];
  minScore?: number;
  maxScore?: number;
  anyTags?: string[];
}

export interface RoutingRule {
  id: string;
  position: number;
  teamId: string;
  conditions: RuleConditions;
  priority: string | null;
  enabled: boolean;
  version: number;
}

export interface SlaPolicy {
  priority: string;
  firstContactMinutes: number;
  resolutionMinutes: number;
  version: number;
}

/** `POST /routing-rules/preview`. */
export type PreviewedCase = { openedAt: string; teamId: string; wins: boolean; routedTo: string } & (
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
  considered: number;
  matched: number;
  won: number;
  cases: PreviewedCase[];
}
