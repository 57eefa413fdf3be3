import { compare, type NpsSummary, summarize } from '../nps/nps.calculator';
import { type EffectInput, effectReport } from './improvement-effect.report';

function summaryOf(promoters: number, passives: number, detractors: number): NpsSummary {
  const summary = summarize({ promoters, passives, detractors });
  if (!summary) throw new Error('no answers');
  return summary;
}

const action = {
  id: '6f1c0d3e-3c1a-4a8e-9d55-2d1f3f3b9a10',
  title: 'Second delivery slot',
  rootCauseTagId: 'delivery',
  touchpointType: 'order-delivered',
  segment: null,
  status: 'released' as const,
  releasedAt: new Date('2026-03-10T14:00:00Z'),
};

function input(before: NpsSummary | null, after: NpsSummary | null, tagged: [number, number], afterDays = 28) {
  const value: EffectInput = {
    action,
    timeZone: 'UTC',
    windowDays: 28,
    releaseDay: '2026-03-10',
    before: { from: '2026-02-10', to: '2026-03-09', days: 28, nps: before, taggedDetractors: tagged[0] },
    after: {
      from: afterDays ? '2026-03-11' : null,
      to: afterDays ? '2026-04-07' : null,
      days: afterDays,
      nps: after,
      taggedDetractors: tagged[1],
    },
    change: before && after ? compare(before, after) : null,
  };
  return value;
}

describe('improvement effect report', () => {
  it("states the scope's NPS before and after with the /nps/compare verdict and the root cause's share", () => {
    // 50/30/20 → 65/25/10: up 25 points, p = 0.015; delivery on 16 of 20 detractors → 2 of 10: z = −3.162, p = 0.0016.
    const report = effectReport(input(summaryOf(50, 30, 20), summaryOf(65, 25, 10), [16, 2]));
    expect(report.before.rootCause).toEqual({ detractors: 16, detractorShare: 80 });
    expect(report.after.rootCause).toEqual({ detractors: 2, detractorShare: 20 });
    expect(report.change.nps?.significant95).toBe(true);
    expect(report.change.rootCauseDetractorShare?.change).toBeCloseTo(-60, 10);
    expect(report.sentence).toBe(
      'NPS of order-delivered answers: 30 (n = 100, ±15.3) before → 55 (n = 100, ±13.1) after the release: ' +
        'up 25 points, significant at 95% (p = 0.015). Detractors citing delivery: 80% → 20% (significant at 95%, ' +
        'p = 0.002).',
    );
  });

  it('says when nothing can be compared yet, and how much of the after-window has passed', () => {
    expect(effectReport(input(summaryOf(5, 0, 5), null, [5, 0], 0)).sentence).toBe(
      'Released on 2026-03-10: the after-window starts the next day, so there is nothing to compare yet.',
    );
    const noAfter = effectReport(input(summaryOf(5, 0, 5), null, [5, 0], 3));
    expect(noAfter.sentence).toBe(
      'No answers of order-delivered answers in the window after the release: nothing to compare.',
    );
    expect(noAfter.change).toEqual({ nps: null, rootCauseDetractorShare: null });
    const partial = effectReport(input(summaryOf(50, 30, 20), summaryOf(60, 30, 10), [10, 5], 3));
    expect(partial.sentence).toMatch(/not significant at 95% \(p = 0\.052\)\..*The after-window has 3 of 28 days/);
  });

  it('has no root-cause share without detractors', () => {
    const report = effectReport(input(summaryOf(10, 0, 0), summaryOf(8, 2, 0), [0, 0]));
    expect(report.before.rootCause.detractorShare).toBeNull();
    expect(report.change.rootCauseDetractorShare).toBeNull();
    expect(report.sentence).not.toContain('Detractors citing');
  });
});
