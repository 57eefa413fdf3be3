import type { Query } from '../api/api.client';
import type { CaseItem, CaseStatus, Priority } from '../cases/case.types';

/** Unassigned cases, in the owner filter. */
export const UNASSIGNED = '__unassigned__';

/** What the queue shows: the API filters plus segment and owner, which the listing has no parameter for. */
export interface QueueFilters {
  scope: 'mine' | 'team';
  statuses: CaseStatus[];
  priority: Priority | null;
  teamId: string | null;
  tag: string | null;
  segment: string | null;
  /** A member id, UNASSIGNED, or null for anyone. */
  owner: string | null;
}

export const DEFAULT_FILTERS: QueueFilters = {
  scope: 'mine',
  statuses: ['open', 'in_progress'],
  priority: null,
  teamId: null,
  tag: null,
  segment: null,
  owner: null,
};

/** `GET /cases` parameters: sorted by the next SLA deadline, soonest first (ADR 0027's keyset listing). */
export function listingQuery(filters: QueueFilters, pageSize: number): Query {
  return {
    scope: filters.scope,
    status: filters.statuses.length ? filters.statuses.join(',') : undefined,
    priority: filters.priority ?? undefined,
    teamId: filters.teamId ?? undefined,
    tag: filters.tag ?? undefined,
    sort: 'deadline',
    order: 'asc',
    limit: pageSize,
  };
}

/** The filters the API cannot apply, applied to the cases loaded so far. */
export function matchesLocally(c: CaseItem, filters: QueueFilters): boolean {
  if (filters.segment && c.segment.toLowerCase() !== filters.segment.toLowerCase()) return false;
  if (filters.owner === UNASSIGNED) return c.ownerId === null;
  if (filters.owner && c.ownerId !== filters.owner) return false;
  return true;
}

/** The distinct non-empty values of a field among the loaded cases, sorted: options for a filter. */
export function distinctValues(cases: CaseItem[], pick: (c: CaseItem) => string | null): string[] {
  return [...new Set(cases.map(pick).filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));
}
