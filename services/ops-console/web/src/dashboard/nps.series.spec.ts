import { describe, expect, it } from '@jest/globals';
import type { NpsAnswer, NpsRow } from './dashboard.types';
import { npsDomain, npsTicks, periodLabel, trendPoints } from './nps.series';

const row = (period: string | null, n: number, nps: number, extra: Partial<NpsRow> = {}): NpsRow => ({
  period,
  group: {},
  n,
  promoters: 0,
  passives: 0,
  detractors: 0,
  promoterPct: 0,
  passivePct: 0,
  detractorPct: 0,
  nps,
  standardError: 1,
  marginOfError95: 1.96,
  interval95: [nps - 2, nps + 2],
  lowSample: n < 30,
  ...extra,
});

describe('NPS over time', () => {
  it('labels days, weeks and months', () => {
    expect(periodLabel('2025-03-03', 'day')).toBe('3 Mar 2025');
    expect(periodLabel('2025-03-03', 'week')).toBe('Week of 3 Mar 2025');
    expect(periodLabel('2025-12-01', 'month')).toBe('Dec 2025');
  });

  it('shapes the ungrouped periods oldest first, with the interval as the band and low samples marked', () => {
    const answer: NpsAnswer = {
      timeZone: 'UTC',
      interval: 'month',
      lowSampleBelow: 30,
      rows: [
        row('2025-02-01', 12, -5, { interval95: [-40, 31.5], marginOfError95: 30.2 }),
        row('2025-01-01', 100, 30, { interval95: [14.0509, 44.2016], marginOfError95: 15.3081 }),
        row('2025-01-01', 40, 10, { group: { segment: 'smb' } }),
        row(null, 112, 25),
      ],
    };
    expect(trendPoints(answer, 'month')).toEqual([
      {
        period: '2025-01-01',
        label: 'Jan 2025',
        n: 100,
        nps: 30,
        marginOfError95: 15.3081,
        band: [14.0509, 44.2016],
        lowSample: false,
      },
      {
        period: '2025-02-01',
        label: 'Feb 2025',
        n: 12,
        nps: -5,
        marginOfError95: 30.2,
        band: [-40, 31.5],
        lowSample: true,
      },
    ]);
  });

  it('marks low samples by the threshold the API announced', () => {
    const answer: NpsAnswer = {
      timeZone: 'UTC',
      interval: 'day',
      lowSampleBelow: 50,
      rows: [row('2025-01-01', 40, 0)],
    };
    expect(trendPoints(answer, 'day')[0].lowSample).toBe(true);
  });

  it('trims the y axis to the bands with a margin, within −100…100', () => {
    const points = trendPoints(
      {
        timeZone: 'UTC',
        interval: 'month',
        lowSampleBelow: 30,
        rows: [row('2025-01-01', 100, 30), row('2025-02-01', 100, 45)],
      },
      'month',
    );
    expect(npsDomain(points)).toEqual([10, 60]);
    expect(npsDomain([])).toEqual([-100, 100]);
    expect(npsDomain([{ ...points[0], band: [-98, 99] }])).toEqual([-100, 100]);
  });

  it('puts y ticks on round numbers, at most eight', () => {
    expect(npsTicks([10, 60])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(npsTicks([-50, 90])).toEqual([-40, -20, 0, 20, 40, 60, 80]);
    expect(npsTicks([-100, 100])).toEqual([-100, -75, -50, -25, 0, 25, 50, 75, 100]);
  });
});
