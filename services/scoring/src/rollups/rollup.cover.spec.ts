import { seededRandom } from '@nps/testing';
import type { Interval } from '../nps/dimensions';
import { addDays, dayCount } from '../nps/local-day';
import { coverOf, type CoverPiece } from './rollup.cover';
import { periodEnd, periodStart } from './rollup.grains';

// The open ends of a range are cut to these days, to enumerate what a cover reads.
const EARLIEST = '2023-01-01';
const LATEST = '2026-12-31';

/** Every local day a piece reads, each with the first day of the period row holding it. */
function daysOf({ grain, from, to = LATEST }: CoverPiece): { day: string; row: string }[] {
  const days: { day: string; row: string }[] = [];
  for (let row = periodStart(from ?? EARLIEST, grain); row <= to; row = addDays(periodEnd(row, grain), 1)) {
    if (from !== undefined && row < from) continue;
    for (let day = row; day <= periodEnd(row, grain); day = addDays(day, 1))
      if (day >= EARLIEST && day <= LATEST) days.push({ day, row });
  }
  return days;
}

const bucket = (day: string, interval?: Interval) =>
  interval === 'week' || interval === 'month' || interval === 'day'
    ? periodStart(day, interval)
    : interval === 'quarter'
      ? `${day.slice(0, 5)}${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`
      : '';

describe('rollup cover', () => {
  it('reads whole months, then whole weeks of the ragged month ends, then days', () => {
    expect(coverOf('2024-01-10', '2024-04-17')).toEqual([
      { grain: 'day', from: '2024-01-10', to: '2024-01-14' },
      { grain: 'week', from: '2024-01-15', to: '2024-01-22' },
      { grain: 'day', from: '2024-01-29', to: '2024-01-31' },
      { grain: 'month', from: '2024-02-01', to: '2024-03-01' },
      { grain: 'week', from: '2024-04-01', to: '2024-04-08' },
      { grain: 'day', from: '2024-04-15', to: '2024-04-17' },
    ]);
  });

  it('reads only months for whole months, and open ends as open month ranges', () => {
    expect(coverOf('2024-01-01', '2025-12-31', 'month')).toEqual([
      { grain: 'month', from: '2024-01-01', to: '2025-12-01' },
    ]);
    expect(coverOf(undefined, undefined)).toEqual([{ grain: 'month', from: undefined, to: undefined }]);
    expect(coverOf(undefined, '2024-02-29', 'quarter')).toEqual([
      { grain: 'month', from: undefined, to: '2024-02-01' },
    ]);
  });

  it('reads weeks and edge days for weekly intervals, days for daily ones', () => {
    expect(coverOf('2024-01-03', '2024-01-31', 'week')).toEqual([
      { grain: 'day', from: '2024-01-03', to: '2024-01-07' },
      { grain: 'week', from: '2024-01-08', to: '2024-01-22' },
      { grain: 'day', from: '2024-01-29', to: '2024-01-31' },
    ]);
    expect(coverOf('2024-01-03', '2024-01-31', 'day')).toEqual([
      { grain: 'day', from: '2024-01-03', to: '2024-01-31' },
    ]);
  });

  it('reads days when no whole period fits', () => {
    expect(coverOf('2024-01-03', '2024-01-05', 'week')).toEqual([
      { grain: 'day', from: '2024-01-03', to: '2024-01-05' },
    ]);
    expect(coverOf('2024-01-30', '2024-02-02')).toEqual([
      { grain: 'day', from: '2024-01-30', to: '2024-01-31' },
      { grain: 'day', from: '2024-02-01', to: '2024-02-02' },
    ]);
    // Two ragged month ends with no whole month between: a week across the boundary is not read.
    expect(coverOf('2024-01-20', '2024-02-25', 'month')).toEqual([
      { grain: 'day', from: '2024-01-20', to: '2024-01-21' },
      { grain: 'week', from: '2024-01-22', to: '2024-01-22' },
      { grain: 'day', from: '2024-01-29', to: '2024-01-31' },
      { grain: 'day', from: '2024-02-01', to: '2024-02-04' },
      { grain: 'week', from: '2024-02-05', to: '2024-02-19' },
    ]);
  });

  it('covers every day of any range exactly once, each row inside one interval', () => {
    const random = seededRandom(41);
    const intervals = [undefined, 'day', 'week', 'month', 'quarter'] as const;
    for (let run = 0; run < 300; run++) {
      const from = random() < 0.1 ? undefined : addDays('2024-01-01', Math.floor(random() * 500));
      const to = random() < 0.1 ? undefined : addDays(from ?? '2024-01-01', Math.floor(random() * 400));
      const interval = intervals[Math.floor(random() * intervals.length)];
      const read = coverOf(from, to, interval).flatMap(daysOf);
      const days = read.map(({ day }) => day).sort();
      const first = from ?? EARLIEST;
      const last = to ?? LATEST;
      expect({ from, to, interval, count: days.length, first: days[0], last: days.at(-1) }).toEqual({
        from,
        to,
        interval,
        count: dayCount(first, last),
        first,
        last,
      });
      expect(new Set(days).size).toBe(days.length);
      const across = read.filter(({ day, row }) => bucket(day, interval) !== bucket(row, interval));
      expect({ from, to, interval, across }).toEqual({ from, to, interval, across: [] });
    }
  });
});
