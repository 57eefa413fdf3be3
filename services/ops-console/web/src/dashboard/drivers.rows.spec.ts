import { describe, expect, it } from '@jest/globals';
import type { Driver, NpsSummary } from './dashboard.types';
import { driverRows } from './drivers.rows';

// docs/nps-statistics.md: 50/30/20 with "delivery.late" on 0/2/12 → impact +18.84.
const overall: NpsSummary = {
  n: 100,
  promoters: 50,
  passives: 30,
  detractors: 20,
  promoterPct: 50,
  passivePct: 30,
  detractorPct: 20,
  nps: 30,
  standardError: 7.8102,
  marginOfError95: 15.3081,
  interval95: [14.0509, 44.2016],
  lowSample: false,
};
const late: Driver = {
  tag: 'delivery.late',
  n: 14,
  detractorShare: 60,
  passiveShare: (100 * 2) / 30,
  promoterShare: 0,
  nps: (-100 * 12) / 14,
  impact: 18.8372,
  previousDetractorShare: null,
  detractorShareChange: null,
  detractorShareChangePValue: null,
  rising: false,
};

describe('driver rows', () => {
  it("gives a tag's NPS its margin of error from the tag's promoter and detractor counts", () => {
    const [row] = driverRows([late], overall);
    // 0 promoters, 12 detractors of 14: p = 0, d = 6/7; SE = 100·√((d − d²)/14) = 9.352…
    expect(row.marginOfError95).toBeCloseTo(1.96 * 100 * Math.sqrt((6 / 7 - (6 / 7) ** 2) / 14), 6);
    expect(row).toMatchObject({ tag: 'delivery.late', n: 14, impact: 18.8372, lowSample: true, rising: false });
  });

  it('matches the NPS margin of the calculator on a tag that every answer carries', () => {
    const all: Driver = {
      ...late,
      n: 100,
      detractorShare: 100,
      passiveShare: 100,
      promoterShare: 100,
      nps: 30,
      impact: null,
    };
    expect(driverRows([all], overall)[0].marginOfError95).toBeCloseTo(15.3081, 3);
    expect(driverRows([all], overall)[0].lowSample).toBe(false);
  });

  it('keeps the API order and copes without an overall figure', () => {
    const rows = driverRows([late, { ...late, tag: 'price.high', impact: -2 }], null);
    expect(rows.map((r) => r.tag)).toEqual(['delivery.late', 'price.high']);
    expect(rows[0].marginOfError95).toBe(0);
  });
});
