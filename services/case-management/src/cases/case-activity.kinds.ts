/** What a case's activity log records, each step by its kind (`GET /cases/{id}`'s `activities`). */
export const CASE_ACTIVITY_KINDS = [
  'opened',
  'assigned',
  'customer_contacted',
  'contact_attempted',
  'note_added',
  'resolved',
  'closed',
  'reopened',
  'reassigned',
  'escalated',
  'comment_revised',
  'response_revised',
  'tags_changed',
] as const;

export type CaseActivityKind = (typeof CASE_ACTIVITY_KINDS)[number];
