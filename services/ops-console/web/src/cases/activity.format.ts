import type { ActivityEntry } from './case.types';

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
  };
  const known = [
    'opened',
    'assigned',
    'customer_contacted',
    'contact_attempted',
    'note_added',
    'reassigned',
    'resolved',
    'closed',
    'reopened',
    'escalated',
  ];
  return {
    key: known.includes(entry.kind) ? `activity.${entry.kind}` : 'activity.other',
    values: { ...values, kind: entry.kind },
  };
}

/** The entries newest first. */
export function newestFirst(entries: ActivityEntry[]): ActivityEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
