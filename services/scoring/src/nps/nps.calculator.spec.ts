import { compare, compareProportions, type NpsSummary, summarize } from './nps.calculator';

function summaryOf(promoters: number, passives: number, detractors: number): NpsSummary {
  const summary = summarize({ promoters, passives, detractors });
  if (!summary) throw new Error('no answers');
  return summary;
}

// Worked vectors, computed by hand from the definitions in docs/nps-statistics.md.
describe('NPS statistics', () => {
  it.each([
    // promoters, passives, detractors → NPS, SE, MoE95, adjusted-Wald interval
    ['balanced 50/30/20', 50, 30, 20, 30, 7.8102, 15.3081, [14.0509, 44.2016]],
    ['all promoters', 10, 0, 0, 100, 0, 0, [47.503, 100]],
    ['all detractors', 0, 0, 7, -100, 0, 0, [-100, -32.8116]],
    ['small n = 6', 3, 1, 2, 16.6667, 36.6414, 71.8172, [-43.9349, 66.1572]],
    ['large n = 10,000', 4500, 3000, 2500, 20, 0.8124, 1.5923, [18.402, 21.586]],
  ] as const)('%s', (_name, promoters, passives, detractors, nps, se, moe, [low, high]) => {
    const summary = summarize({ promoters, passives, detractors });
    expect(summary?.nps).toBeCloseTo(nps, 4);
    expect(summary?.standardError).toBeCloseTo(se, 4);
    expect(summary?.marginOfError95).toBeCloseTo(moe, 4);
    expect(summary?.interval95[0]).toBeCloseTo(low, 4);
    expect(summary?.interval95[1]).toBeCloseTo(high, 4);
  });

  it('gives percentages and flags samples under 30', () => {
    expect(summarize({ promoters: 3, passives: 1, detractors: 2 })).toMatchObject({
      n: 6,
      promoterPct: 50,
      lowSample: true,
    });
    expect(summarize({ promoters: 50, passives: 30, detractors: 20 })?.lowSample).toBe(false);
  });

  it('has no NPS for no answers', () => {
    expect(summarize({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it('tests a change for significance', () => {
    const before = summaryOf(50, 30, 20);
    const after = summaryOf(65, 25, 10);
    const result = compare(before, after);
    expect(result.delta).toBeCloseTo(25, 10);
    expect(result.standardError).toBeCloseTo(10.2835, 4);
    expect(result.pValue).toBeCloseTo(0.015, 3);
    expect(result.significant95).toBe(true);
    expect(result.sentence).toMatch(/^up 25 points, significant at 95%/);
    // 20 points on n = 100 each is just short of significance (p ≈ 0.052).
    const borderline = compare(before, summaryOf(60, 30, 10));
    expect(borderline.pValue).toBeCloseTo(0.0521, 4);
    expect(borderline.significant95).toBe(false);
    const same = compare(before, before);
    expect(same).toMatchObject({ delta: 0, significant95: false });
    expect(same.pValue).toBeCloseTo(1, 6);
    const small = compare(before, summaryOf(60, 20, 20));
    expect(small.pValue).toBeCloseTo(0.3711, 4);
    expect(small.sentence).toMatch(/^up 10 points, not significant/);
  });
});

describe('two-proportion z test', () => {
  it.each([
    // x1, n1, x2, n2 → change (points), z, p — by hand: pooled p̂ = (x1 + x2) / (n1 + n2),
    // SE = √(p̂(1 − p̂)(1/n1 + 1/n2)), z = (x2/n2 − x1/n1) / SE
    ['20% → 40% of 100 each', 20, 100, 40, 100, 20, 3.0861, 0.00203],
    ['20% → 30% of 100 each', 20, 100, 30, 100, 10, 1.633, 0.1025],
    ['50% → 40% of 200 and 100', 100, 200, 40, 100, -10, -1.6366, 0.1017],
  ] as const)('%s', (_name, x1, n1, x2, n2, change, z, p) => {
    const result = compareProportions(x1, n1, x2, n2);
    expect(result?.change).toBeCloseTo(change, 6);
    expect(result?.z).toBeCloseTo(z, 3);
    expect(result?.pValue).toBeCloseTo(p, 3);
    expect(result?.significant95).toBe(p < 0.05);
  });

  it('has no test without cases on a side, and no difference when both shares are 0 or 100%', () => {
    expect(compareProportions(0, 0, 3, 10)).toBeNull();
    expect(compareProportions(3, 10, 0, 0)).toBeNull();
    expect(compareProportions(0, 10, 0, 20)).toEqual({ change: 0, z: 0, pValue: 1, significant95: false });
    expect(compareProportions(10, 10, 20, 20)).toMatchObject({ change: 0, significant95: false });
  });
});
