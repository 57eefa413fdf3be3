import { coarsen, type Contribution, rollupDeltas, sumDeltas } from './rollup.delta';

const zones = ['UTC', 'Europe/Amsterdam'];
const base: Contribution = {
  category: 'detractor',
  days: ['2025-03-31', '2025-04-01'],
  dimensions: {
    touchpointType: 'order-delivered',
    channel: 'email',
    segment: 'smb',
    region: 'uk',
    tier: 'gold',
    language: 'en',
  },
  tags: ['delivery.late'],
};

describe('rollup deltas', () => {
  it('adds a new response to its day in every zone, and to each of its tags', () => {
    const { rollups, tagRollups } = rollupDeltas(zones, [], [base]);
    expect(rollups).toEqual([
      { zone: 'Europe/Amsterdam', day: '2025-04-01', ...base.dimensions, promoters: 0, passives: 0, detractors: 1 },
      { zone: 'UTC', day: '2025-03-31', ...base.dimensions, promoters: 0, passives: 0, detractors: 1 },
    ]);
    expect(tagRollups.map((row) => [row.zone, row.tagId, row.detractors])).toEqual([
      ['Europe/Amsterdam', 'delivery.late', 1],
      ['UTC', 'delivery.late', 1],
    ]);
  });

  it('moves a revised response from one category to the other in the same row', () => {
    const { rollups } = rollupDeltas(zones, [base], [{ ...base, category: 'promoter' }]);
    expect(rollups.map((row) => [row.promoters, row.passives, row.detractors])).toEqual([
      [1, 0, -1],
      [1, 0, -1],
    ]);
  });

  it('moves a response to another segment', () => {
    const { rollups } = rollupDeltas(
      ['UTC'],
      [base],
      [{ ...base, dimensions: { ...base.dimensions, segment: 'enterprise' } }],
    );
    expect(rollups.map((row) => [row.segment, row.detractors])).toEqual([
      ['enterprise', 1],
      ['smb', -1],
    ]);
  });

  it('writes nothing for a change that changes nothing counted', () => {
    expect(rollupDeltas(zones, [base], [{ ...base }])).toEqual({ rollups: [], tagRollups: [] });
  });

  it('changes only tag rows when only the tags change', () => {
    const { rollups, tagRollups } = rollupDeltas(['UTC'], [base], [{ ...base, tags: ['price.high'] }]);
    expect(rollups).toEqual([]);
    expect(tagRollups.map((row) => [row.tagId, row.detractors])).toEqual([
      ['delivery.late', -1],
      ['price.high', 1],
    ]);
  });
});

describe('coarser rollup deltas', () => {
  const row = { zone: 'UTC', ...base.dimensions, promoters: 0, passives: 0 };
  it('sums day changes per ISO week (Monday first) and per month, dropping those that cancel out', () => {
    const days = [
      { ...row, day: '2025-03-30', detractors: 1 }, // a Sunday: the week of Monday 24 March
      { ...row, day: '2025-03-31', detractors: 1 }, // Monday: a new week, still March
      { ...row, day: '2025-04-01', detractors: -1 }, // April, same week as the 31st
    ];
    expect(coarsen(days, 'week').map(({ day, detractors }) => [day, detractors])).toEqual([['2025-03-24', 1]]);
    expect(coarsen(days, 'month').map(({ day, detractors }) => [day, detractors])).toEqual([
      ['2025-03-01', 2],
      ['2025-04-01', -1],
    ]);
    expect(coarsen(days, 'day')).toBe(days);
    expect(days[0].day).toBe('2025-03-30');
  });
});

describe("a batch's rollup deltas", () => {
  it('adds up the changes of several events per row, in key order, dropping those that cancel out', () => {
    const received = rollupDeltas(zones, [], [base]);
    const revised = rollupDeltas(zones, [base], [{ ...base, category: 'promoter' }]);
    const other = rollupDeltas(zones, [], [{ ...base, dimensions: { ...base.dimensions, segment: 'consumer' } }]);
    const { rollups, tagRollups } = sumDeltas([received, other, revised]);
    expect(rollups.map((row) => [row.zone, row.segment, row.promoters, row.detractors])).toEqual([
      ['Europe/Amsterdam', 'consumer', 0, 1],
      ['Europe/Amsterdam', 'smb', 1, 0],
      ['UTC', 'consumer', 0, 1],
      ['UTC', 'smb', 1, 0],
    ]);
    expect(tagRollups.map((row) => [row.zone, row.segment, row.promoters, row.detractors])).toEqual(
      rollups.map((row) => [row.zone, row.segment, row.promoters, row.detractors]),
    );
    expect(sumDeltas([received, rollupDeltas(zones, [base], [])])).toEqual({ rollups: [], tagRollups: [] });
    expect(received.rollups.map((row) => row.detractors)).toEqual([1, 1]);
  });
});
