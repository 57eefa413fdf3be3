import { describe, expect, it } from '@jest/globals';
import { csvCell, csvFileName, csvLines, dashboardCsv, type DashboardSnapshot } from './dashboard.csv';
import type { NpsSummary } from './dashboard.types';

const summary: NpsSummary = {
  n: 100,
  promoters: 50,
  passives: 30,
  detractors: 20,
  promoterPct: 50,
  passivePct: 30,
  detractorPct: 20,
  nps: 30,
  standardError: 7.81024967590665,
  marginOfError95: 15.308089365,
  interval95: [14.0509, 44.2016],
  lowSample: false,
};
const filters = { from: '2025-01-01', to: '2025-02-28', interval: 'month', breakdown: 'channel' } as const;
const empty: DashboardSnapshot = {
  filters,
  timeZone: 'UTC',
  headline: null,
  trend: null,
  breakdown: null,
  comparison: null,
  drivers: null,
  recovery: null,
  loop: null,
};

describe('CSV cells', () => {
  it('quotes what needs quoting and doubles quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('up 5 points, not significant')).toBe('"up 5 points, not significant"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes numbers to four decimals, booleans as yes/no, nothing for null', () => {
    expect(csvCell(15.308089365)).toBe('15.3081');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-tag')).toBe("'-tag");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvLines([[1, -2.5, 'a']])).toEqual(['1,-2.5,a']);
  });
});

describe('dashboard CSV', () => {
  it('writes the filters alone when nothing has loaded', () => {
    expect(dashboardCsv(empty)).toBe(
      'NPS dashboard\r\nfrom,to,time_zone,interval\r\n2025-01-01,2025-02-28,UTC,month\r\n',
    );
  });

  it('writes each shown panel as a section, every NPS with its margin of error and interval', () => {
    const csv = dashboardCsv({
      ...empty,
      headline: summary,
      trend: [
        {
          period: '2025-01-01',
          label: 'Jan 2025',
          n: 100,
          nps: 30,
          marginOfError95: 15.308089365,
          band: [14.0509, 44.2016],
          lowSample: false,
        },
        {
          period: '2025-02-01',
          label: 'Feb 2025',
          n: 6,
          nps: 16.6667,
          marginOfError95: 71.8172,
          band: [-43.9349, 66.1572],
          lowSample: true,
        },
      ],
      breakdown: [{ value: 'email', ...summary, lowSample: false }],
      comparison: {
        first: { from: '2024-11-04', to: '2024-12-31', summary: null },
        second: { from: '2025-01-01', to: '2025-02-28', summary },
        change: null,
      },
      drivers: [
        {
          tag: 'delivery.late',
          n: 14,
          detractorShare: 60,
          passiveShare: 6.6667,
          promoterShare: 0,
          nps: -85.7143,
          impact: 18.8372,
          previousDetractorShare: null,
          detractorShareChange: null,
          detractorShareChangePValue: null,
          rising: true,
        },
      ],
      recovery: {
        group: {},
        followedUp: { n: 40, meanFirstScore: 3.4, meanRecoveryScore: 6.5, meanChange: 3.1, sd: 2.2, promoterPct: 25 },
        holdout: null,
        uplift: null,
      },
      loop: [],
    });
    const sections = csv.split('\r\n\r\n');
    expect(sections.map((s) => s.split('\r\n')[0])).toEqual([
      'NPS dashboard',
      'NPS for the period',
      'NPS per month',
      'NPS by channel',
      'Comparison',
      'Drivers (root causes)',
      'Recovery: followed up against holdout',
      'Loop metrics per team',
    ]);
    expect(sections[1]).toContain(
      'n,nps,margin_of_error_95,interval_95_low,interval_95_high,low_sample,promoter_pct,passive_pct,detractor_pct\r\n' +
        '100,30,15.3081,14.0509,44.2016,no,50,30,20',
    );
    expect(sections[2].split('\r\n').slice(1)).toEqual([
      'period,n,nps,margin_of_error_95,interval_95_low,interval_95_high,low_sample',
      '2025-01-01,100,30,15.3081,14.0509,44.2016,no',
      '2025-02-01,6,16.6667,71.8172,-43.9349,66.1572,yes',
    ]);
    expect(sections[3]).toContain('\r\nemail,100,30,15.3081,');
    expect(sections[4]).toContain('first,2024-11-04,2024-12-31,,,,,,\r\n');
    expect(sections[4]).toContain('second minus first,,,,,a side has no answers');
    expect(sections[5]).toContain('delivery.late,14,18.8372,-85.7143,60,6.6667,0,yes');
    expect(sections[6]).toContain('followed up,40,3.1,25\r\nholdout,0,,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('names the file after the period and interval', () => {
    expect(csvFileName(filters)).toBe('nps-dashboard_2025-01-01_2025-02-28_month.csv');
  });
});
