import type { ActivityEntry } from './case.types';

/** Every kind case-management answers (its OpenAPI enum): adding one there fails to compile until it has a text. */
const KNOWN: Record<ActivityEntry['kind'], true> = {
  opened: true,
  assigned: true,
  customer_contacted: true,
  contact_attempted: true,
  note_added: true,
  resolved: true,
  closed: true,
  reopened: true,
  reassigned: true,
  escalated: true,
  comment_revised: true,
  response_revised: true,
  tags_changed: true,
};

/** An activity entry as an i18n key of the `cases` namespace (`activity.<kind>`) and its values. */
export function activityText(entry: ActivityEntry): { key: string; values: Record<string, string> } {
  const d = entry.detail ?? {};
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  const values: Record<string, string> = {
    channel: text(d.channel),
    result: text(d.result),
    note: text(d.note),
    from: text(d.from) || '—',
    to: text(d.to),
    fromTeam: text(d.fromTeam),
    toTeam: text(d.toTeam),
    reason: text(d.reason),
    rootCause: text(d.rootCauseTagId),
    outcome: text(d.outcome),
    level: text(d.level),
    detail: text(d.detail ?? d.reason),
    score: text(d.score),
    previousScore: text(d.previousScore),
    comment: text(d.comment),
    tags: Array.isArray(d.tagIds) && d.tagIds.length > 0 ? d.tagIds.join(', ') : '—',
  };
  return {
    // A kind added after this console was built has no text of its own yet.
    key: Object.hasOwn(KNOWN, entry.kind) ? `activity.${entry.kind}` : 'activity.other',
    values: { ...values, kind: entry.kind },
  };
}

/** The entries newest first. */
export function newestFirst(entries: ActivityEntry[]): ActivityEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
