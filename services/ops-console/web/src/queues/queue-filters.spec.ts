import { describe, expect, it } from '@jest/globals';
import type { CaseItem } from '../cases/case.types';
import { DEFAULT_FILTERS, distinctValues, listingQuery, matchesLocally, UNASSIGNED } from './queue-filters';

const aCase = (fields: Partial<CaseItem>) => ({ segment: 'consumer', ownerId: 'alice', ...fields }) as CaseItem;

describe('queue filters', () => {
  it('asks the API for the deadline order and the filters it knows', () => {
    expect(listingQuery({ ...DEFAULT_FILTERS, scope: 'team', priority: 'high', tag: 'delivery' }, 50)).toEqual({
      scope: 'team',
      status: 'open,in_progress',
      priority: 'high',
      teamId: undefined,
      tag: 'delivery',
      sort: 'deadline',
      order: 'asc',
      limit: 50,
    });
    expect(listingQuery({ ...DEFAULT_FILTERS, statuses: [] }, 10).status).toBeUndefined();
  });

  it('filters segment and owner in the page, unassigned included', () => {
    const mine = aCase({ segment: 'Enterprise' });
    const nobody = aCase({ ownerId: null });
    expect(matchesLocally(mine, { ...DEFAULT_FILTERS, segment: 'enterprise' })).toBe(true);
    expect(matchesLocally(nobody, { ...DEFAULT_FILTERS, segment: 'enterprise' })).toBe(false);
    expect(matchesLocally(nobody, { ...DEFAULT_FILTERS, owner: UNASSIGNED })).toBe(true);
    expect(matchesLocally(mine, { ...DEFAULT_FILTERS, owner: UNASSIGNED })).toBe(false);
    expect(matchesLocally(mine, { ...DEFAULT_FILTERS, owner: 'alice' })).toBe(true);
  });

  it('offers the distinct values seen', () => {
    expect(distinctValues([aCase({}), aCase({ segment: 'b2b' }), aCase({ segment: '' })], (c) => c.segment)).toEqual([
      'b2b',
      'consumer',
    ]);
  });
});
