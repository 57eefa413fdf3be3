import type { Priority } from '../sla/priority';
import type { CaseStatus } from './case.lifecycle';

export const OUTCOMES = ['recovered', 'not_recovered', 'no_contact_possible'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One follow-up case as stored: one per detractor response. */
export interface CaseRecord {
  id: string;
  responseId: string;
  customerId: string;
  teamId: string;
  ownerId: string | null;
  status: CaseStatus;
  priority: Priority;
  score: number;
  comment: string;
  revision: number;
  touchpointId: string;
  touchpointType: string;
  channel: string;
  tagIds: string[];
  tagsRevision: number;
  segment: string;
  region: string;
  tier: string;
  language: string;
  ruleId: string | null;
  /** account_owner, least_loaded, no_member_available, manual, escalation… */
  assignmentReason: string;
  /** For people: "account owner", "least loaded: 3 open". */
  assignmentDetail: string;
  firstContactDueAt: Date;
  resolutionDueAt: Date;
  firstContactedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rootCauseTagId: string | null;
  outcome: Outcome | null;
  escalationLevel: number;
  openedAt: Date;
  updatedAt: Date;
}

const COLUMNS: Record<keyof CaseRecord, string> = {
  id: 'id',
  responseId: 'response_id',
  customerId: 'customer_id',
  teamId: 'team_id',
  ownerId: 'owner_id',
  status: 'status',
  priority: 'priority',
  score: 'score',
  comment: 'comment',
  revision: 'revision',
  touchpointId: 'touchpoint_id',
  touchpointType: 'touchpoint_type',
  channel: 'channel',
  tagIds: 'tag_ids',
  tagsRevision: 'tags_revision',
  segment: 'segment',
  region: 'region',
  tier: 'tier',
  language: 'language',
  ruleId: 'rule_id',
  assignmentReason: 'assignment_reason',
  assignmentDetail: 'assignment_detail',
  firstContactDueAt: 'first_contact_due_at',
  resolutionDueAt: 'resolution_due_at',
  firstContactedAt: 'first_contacted_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  rootCauseTagId: 'root_cause_tag_id',
  outcome: 'outcome',
  escalationLevel: 'escalation_level',
  openedAt: 'opened_at',
  updatedAt: 'updated_at',
};

export const CASE_FIELDS = Object.keys(COLUMNS) as (keyof CaseRecord)[];

export function columnOf(field: keyof CaseRecord): string {
  return COLUMNS[field];
}

export function toCaseRecord(row: Record<string, unknown>): CaseRecord {
  return Object.fromEntries(CASE_FIELDS.map((field) => [field, row[COLUMNS[field]]])) as unknown as CaseRecord;
}
