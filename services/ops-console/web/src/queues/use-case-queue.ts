import { useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from '../api/api.client';
import type { CasePage } from '../cases/case.types';
import { listingQuery, type QueueFilters } from './queue-filters';

export const QUEUE_PAGE_SIZE = 50;
/** New, assigned and escalated cases show up within this, without a reload. */
export const QUEUE_POLL_MS = 4000;

/**
 * The queue as a keyset listing (ADR 0027): the first page is read again every few seconds, so cases
 * opened, assigned or escalated since appear (a cursor's listing stays as of its first page); "more"
 * follows `nextCursor` with the same filters, and a refetch walks the cursors of the fresh pages.
 */
export function useCaseQueue(filters: QueueFilters) {
  const api = useApi();
  const query = listingQuery(filters, QUEUE_PAGE_SIZE);
  return useInfiniteQuery({
    queryKey: ['cases', 'queue', query],
    queryFn: ({ pageParam }) => api.get<CasePage>('case-management', '/cases', { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: QUEUE_POLL_MS,
    refetchIntervalInBackground: false,
  });
}
