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
