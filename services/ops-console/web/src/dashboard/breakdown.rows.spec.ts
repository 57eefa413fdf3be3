import { describe, expect, it } from '@jest/globals';
import { breakdownRows } from './breakdown.rows';
import type { NpsRow } from './dashboard.types';

const row = (group: NpsRow['group'], n: number): NpsRow => ({
  period: null,
  group,
  n,
  promoters: 0,
  passives: 0,
  detractors: 0,
  promoterPct: 50,
  passivePct: 30,
  detractorPct: 20,
  nps: 30,
  standardError: 7.8102,
  marginOfError95: 15.3081,
  interval95: [14.0509, 44.2016],
  lowSample: n < 30,
});

describe('breakdown rows', () => {
  it('lists the values of the dimension, most answers first, low samples marked', () => {
    const rows = breakdownRows(
      {
        timeZone: 'UTC',
        interval: null,
        lowSampleBelow: 30,
        rows: [row({ channel: 'sms' }, 12), row({ channel: 'email' }, 100), row({ channel: '' }, 12)],
      },
      'channel',
    );
    expect(rows.map((r) => [r.value, r.n, r.lowSample])).toEqual([
      ['email', 100, false],
      ['(none)', 12, true],
      ['sms', 12, true],
    ]);
    expect(rows[0]).toMatchObject({ nps: 30, marginOfError95: 15.3081, interval95: [14.0509, 44.2016] });
  });
});
