import { describe, expect, it } from '@jest/globals';
import { breachRisk } from './breach-risk';

const H = 60 * 60 * 1000;
const opened = '2026-03-02T08:00:00Z';
const due = '2026-03-02T16:00:00Z'; // an 8 h window: at risk in the last 2 h
const at = (iso: string) => Date.parse(iso);

describe('breachRisk', () => {
  it('is on track early, at risk in the last quarter, breached at the deadline', () => {
    expect(breachRisk(due, opened, at('2026-03-02T09:00:00Z'))).toBe('on_track');
    expect(breachRisk(due, opened, at('2026-03-02T14:00:00Z'))).toBe('at_risk');
    expect(breachRisk(due, opened, at('2026-03-02T16:00:00Z'))).toBe('breached');
    expect(breachRisk(due, opened, at('2026-03-03T09:00:00Z'))).toBe('breached');
  });

  it('calls the last hour at risk even for a long window', () => {
    const late = '2026-03-12T08:00:00Z';
    expect(breachRisk(late, opened, at(late) - 0.5 * H)).toBe('at_risk');
    expect(breachRisk(late, '2026-03-12T07:30:00Z', at(late) - 0.9 * H)).toBe('at_risk');
  });

  it('is done once the clock stopped, whatever the time', () => {
    expect(breachRisk(due, opened, at('2026-03-04T00:00:00Z'), true)).toBe('done');
  });
});
