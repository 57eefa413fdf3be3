import { AccountRiskRule } from './account-risk.rule';

const NOW = new Date('2026-12-02T09:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);
const rule = new AccountRiskRule({ windowDays: 30, threshold: 3 });

describe('AccountRiskRule', () => {
  it.each<[string, number, Date | null, boolean]>([
    ['below the threshold', 2, null, false],
    ['at the threshold, never alerted', 3, null, true],
    ['above the threshold, never alerted', 7, null, true],
    ['at the threshold, alerted 10 days ago: once per window', 4, daysAgo(10), false],
    ['alerted exactly one window ago still counts as this window', 3, daysAgo(30), false],
    ['at the threshold, last alert older than the window', 3, daysAgo(31), true],
    ['below the threshold, last alert long ago', 2, daysAgo(90), false],
  ])('%s', (_, cases, lastAlertAt, expected) => {
    expect(rule.atRisk(cases, lastAlertAt, NOW)).toBe(expected);
  });

  it('counts cases opened within the window', () => {
    expect(rule.windowStart(NOW)).toEqual(daysAgo(30));
    expect(new AccountRiskRule({ windowDays: 7, threshold: 2 }).windowStart(NOW)).toEqual(daysAgo(7));
  });
});
