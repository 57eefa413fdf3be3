import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  daysIn,
  defaultFilters,
  filtersFromSearch,
  filtersToSearch,
  instantsOf,
  isDay,
  previousPeriod,
  today,
} from './dashboard.filters';

describe('dashboard filters', () => {
  it('knows real days', () => {
    expect(isDay('2025-02-28')).toBe(true);
    expect(isDay('2025-02-30')).toBe(false);
    expect(isDay('2025-2-3')).toBe(false);
    expect(isDay(null)).toBe(false);
    expect(today(new Date('2026-12-03T23:59:00Z'))).toBe('2026-12-03');
  });

  it('counts and moves days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysIn('2025-01-01', '2025-12-31')).toBe(365);
    expect(daysIn('2025-03-30', '2025-03-30')).toBe(1);
  });

  it('takes the previous period of the same length, as /nps/drivers does', () => {
    expect(previousPeriod('2025-04-01', '2025-06-30')).toEqual({ from: '2024-12-31', to: '2025-03-31' });
    expect(previousPeriod('2025-01-01', '2025-01-01')).toEqual({ from: '2024-12-31', to: '2024-12-31' });
  });

  it('defaults to twelve months up to today, monthly, by segment', () => {
    expect(defaultFilters('2026-12-03')).toEqual({
      from: '2026-01-01',
      to: '2026-12-03',
      interval: 'month',
      breakdown: 'segment',
    });
    expect(defaultFilters('2026-03-15').from).toBe('2025-04-01');
  });

  it('reads the address and falls back per field on what is missing or invalid', () => {
    const read = (query: string) => filtersFromSearch(new URLSearchParams(query), '2026-12-03');
    expect(read('from=2025-01-01&to=2025-06-30&interval=week&breakdown=channel')).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
      interval: 'week',
      breakdown: 'channel',
    });
    expect(read('from=2025-06-30&to=2025-01-01')).toMatchObject({ from: '2026-01-01', to: '2026-12-03' });
    expect(read('from=2025-02-30&to=2025-03-01').from).toBe('2026-01-01');
    expect(read('from=2026-06-01')).toMatchObject({ from: '2026-06-01', to: '2026-12-03' });
    expect(read('interval=quarter&breakdown=tier')).toMatchObject({ interval: 'month', breakdown: 'segment' });
  });

  it('writes the address back', () => {
    const filters = { from: '2025-01-01', to: '2025-06-30', interval: 'day', breakdown: 'language' } as const;
    expect(filtersFromSearch(new URLSearchParams(filtersToSearch(filters)), '2026-12-03')).toEqual(filters);
  });

  it('turns a period of days into the instants case-management takes', () => {
    expect(instantsOf({ from: '2025-01-01', to: '2025-01-31' })).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
    });
  });
});
