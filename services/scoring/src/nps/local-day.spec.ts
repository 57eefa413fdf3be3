import { addDays, dayCount, localDay, previousPeriod } from './local-day';

describe('local days', () => {
  it('takes the day of an instant in the time zone asked', () => {
    const lateEvening = new Date('2026-03-01T23:30:00Z');
    expect(localDay(lateEvening, 'UTC')).toBe('2026-03-01');
    expect(localDay(lateEvening, 'Europe/Amsterdam')).toBe('2026-03-02');
    expect(localDay(lateEvening, 'America/New_York')).toBe('2026-03-01');
  });

  it('moves days across month, leap-year and DST boundaries by whole days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30'); // the night Europe moves its clocks
    expect(addDays('2026-01-10', -28)).toBe('2025-12-13');
  });

  it('counts a period with both ends included', () => {
    expect(dayCount('2026-01-01', '2026-01-31')).toBe(31);
    expect(dayCount('2026-01-05', '2026-01-05')).toBe(1);
    expect(dayCount('2026-01-05', '2026-01-04')).toBe(0);
  });

  it('gives the previous period of the same length, ending the day before', () => {
    expect(previousPeriod('2025-02-01', '2025-02-28')).toEqual({ from: '2025-01-04', to: '2025-01-31' });
    expect(previousPeriod('2025-03-01', '2025-03-01')).toEqual({ from: '2025-02-28', to: '2025-02-28' });
  });
});
