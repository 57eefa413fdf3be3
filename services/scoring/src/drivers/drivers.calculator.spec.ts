import { drivers } from './drivers.calculator';

describe('drivers', () => {
  // 100 answers: 50 promoters, 30 passives, 20 detractors → NPS 30.
  const all = { promoters: 50, passives: 30, detractors: 20 };

  it('gives each tag its share per category and the NPS without its responses, minus the NPS of all', () => {
    const [late, price] = drivers(all, [
      { tag: 'price.high', promoters: 5, passives: 5, detractors: 5 },
      { tag: 'delivery.late', promoters: 0, passives: 2, detractors: 12 },
    ]);
    // Without delivery.late: 50 / 28 / 8 of 86 → NPS 48.8372; impact 18.8372.
    expect(late).toMatchObject({
      tag: 'delivery.late',
      n: 14,
      detractorShare: 60,
      passiveShare: (100 * 2) / 30,
      promoterShare: 0,
    });
    expect(late.nps).toBeCloseTo(-85.7143, 4);
    expect(late.impact).toBeCloseTo(18.8372, 4);
    // Without price.high: 45 / 25 / 15 of 85 → NPS 35.2941; impact 5.2941.
    expect(price).toMatchObject({ tag: 'price.high', n: 15, detractorShare: 25, promoterShare: 10 });
    expect(price.impact).toBeCloseTo(5.2941, 4);
  });

  it('has a negative impact for a praised tag and none when every response carries the tag', () => {
    const [friendly] = drivers(all, [{ tag: 'staff.friendly', promoters: 30, passives: 0, detractors: 0 }]);
    expect(friendly.impact).toBeCloseTo(-30, 4); // without it: 20 / 30 / 20 of 70 → NPS 0
    expect(drivers(all, [{ tag: 'everything', ...all }])[0].impact).toBeNull();
  });

  it('has no drivers without answers', () => {
    expect(drivers({ promoters: 0, passives: 0, detractors: 0 }, [])).toEqual([]);
  });
});

describe('rising root causes', () => {
  // Previous period: 100 detractors of 300 answers; this period: 100 detractors of 300 answers.
  const previousAll = { promoters: 150, passives: 50, detractors: 100 };
  const currentAll = { promoters: 150, passives: 50, detractors: 100 };

  it('flags a tag whose share among detractors rose significantly, not one that rose within noise or fell', () => {
    const result = drivers(
      currentAll,
      [
        { tag: 'delivery', promoters: 0, passives: 0, detractors: 40 },
        { tag: 'price', promoters: 0, passives: 0, detractors: 30 },
        { tag: 'support', promoters: 0, passives: 0, detractors: 10 },
        { tag: 'billing', promoters: 0, passives: 0, detractors: 5 },
      ],
      {
        all: previousAll,
        perTag: [
          { tag: 'delivery', promoters: 0, passives: 0, detractors: 20 },
          { tag: 'price', promoters: 0, passives: 0, detractors: 20 },
          { tag: 'support', promoters: 0, passives: 0, detractors: 30 },
        ],
      },
    );
    const byTag = Object.fromEntries(result.map((driver) => [driver.tag, driver]));
    // 20% → 40% of 100 each: z = 3.086, p = 0.002.
    expect(byTag.delivery).toMatchObject({ previousDetractorShare: 20, detractorShareChange: 20, rising: true });
    expect(byTag.delivery.detractorShareChangePValue).toBeCloseTo(0.00203, 4);
    // 20% → 30%: p = 0.10, up but not significant.
    expect(byTag.price).toMatchObject({ previousDetractorShare: 20, rising: false });
    expect(byTag.price.detractorShareChange).toBeCloseTo(10, 10);
    expect(byTag.price.detractorShareChangePValue).toBeCloseTo(0.1025, 4);
    // 30% → 10%: significant, but falling.
    expect(byTag.support).toMatchObject({ detractorShareChange: -20, rising: false });
    expect(byTag.support.detractorShareChangePValue).toBeLessThan(0.05);
    // Absent before: a share of 0 then; 0% → 5% of 100 each gives p = 0.023.
    expect(byTag.billing).toMatchObject({ previousDetractorShare: 0, detractorShareChange: 5, rising: true });
  });

  it('has no trend without a previous period, or when it had no detractors', () => {
    const perTag = [{ tag: 'delivery', promoters: 0, passives: 0, detractors: 40 }];
    const unknown = {
      previousDetractorShare: null,
      detractorShareChange: null,
      detractorShareChangePValue: null,
      rising: false,
    };
    expect(drivers(currentAll, perTag)[0]).toMatchObject(unknown);
    const noDetractors = { all: { promoters: 10, passives: 0, detractors: 0 }, perTag: [] };
    expect(drivers(currentAll, perTag, noDetractors)[0]).toMatchObject(unknown);
  });
});
