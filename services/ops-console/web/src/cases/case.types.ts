/** The case-management API's shapes the console reads (services/case-management/src/cases). */
export type CaseStatus = 'open' | 'in_progress' | 'resolved' | 'closed';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Outcome = 'recovered' | 'not_recovered' | 'no_contact_possible';

export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'in_progress', 'resolved', 'closed'];
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
export const OUTCOMES: readonly Outcome[] = ['recovered', 'not_recovered', 'no_contact_possible'];

/** One case as `GET /cases` lists it and `GET /cases/{id}` returns it (`case`). */
export interface CaseItem {
  id: string;
  responseId: string;
  customerId: string;
  teamId: string;
  ownerId: string | null;
  status: CaseStatus;
  priority: Priority;
  score: number;
  comment: string;
  touchpointType: string;
  channel: string;
  tagIds: string[];
  segment: string;
  region: string;
  tier: string;
  language: string;
  assignmentReason: string;
  assignmentDetail: string;
  firstContactDueAt: string;
  resolutionDueAt: string;
  /** Only in listings: first contact until the customer was reached, then resolution. */
  nextDueAt?: string;
  firstContactedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rootCauseTagId: string | null;
  outcome: Outcome | null;
  escalationLevel: number;
  openedAt: string;
  updatedAt: string;
}

/** `GET /cases`: one page of a keyset listing (ADR 0027). */
export interface CasePage {
  items: CaseItem[];
  total: number;
  nextCursor: string | null;
}

export interface ActivityEntry {
  at: string;
  actorId: string | null;
  kind: string;
  detail: Record<string, unknown>;
}

export interface StoryScore {
  responseId: string;
  revision: number;
  score: number;
  answeredAt: string | null;
}

export interface StoryComment {
  responseId: string;
  comment: string;
  tagIds: string[];
  at: string;
}

export type PreviousCase =
  | { redacted: true; openedAt: string; status: CaseStatus; teamId: string }
  | {
      redacted?: false;
      id: string;
      teamId: string;
      ownerId: string | null;
      status: CaseStatus;
      score: number;
      openedAt: string;
      resolvedAt: string | null;
      outcome: Outcome | null;
      rootCauseTagId: string | null;
      tagIds: string[];
    };

export interface CustomerStory {
  customerId: string;
  name: string;
  facts: { segment: string; region: string; tier: string; language: string; accountOwnerId: string };
  crmAttributes: Record<string, unknown>;
  scores: StoryScore[];
  comments: StoryComment[];
  previousCases: PreviousCase[];
}

/** `GET /cases/{id}`. */
export interface CaseDetail {
  case: CaseItem;
  activity: ActivityEntry[];
  customerStory: CustomerStory;
}

/** `GET /root-causes`: the current taxonomy's tags. */
export interface RootCause {
  tagId: string;
  name: string;
  taxonomyVersion: number;
}
