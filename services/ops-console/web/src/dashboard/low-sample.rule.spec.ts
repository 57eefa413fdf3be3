import { describe, expect, it } from '@jest/globals';
import { isLowSample, LOW_SAMPLE_BELOW, rowIsLowSample } from './low-sample.rule';

describe('low-sample rule', () => {
  it('marks fewer than 30 answers, as docs/nps-statistics.md defines it', () => {
    expect(LOW_SAMPLE_BELOW).toBe(30);
    expect(isLowSample(29)).toBe(true);
    expect(isLowSample(30)).toBe(false);
    expect(isLowSample(0)).toBe(true);
  });

  it('takes the threshold the API announced', () => {
    expect(isLowSample(40, 50)).toBe(true);
    expect(rowIsLowSample({ n: 40 }, 50)).toBe(true);
  });

  it("keeps the API's flag even when n passes the threshold", () => {
    expect(rowIsLowSample({ n: 100, lowSample: true })).toBe(true);
    expect(rowIsLowSample({ n: 100, lowSample: false })).toBe(false);
    expect(rowIsLowSample({ n: 12, lowSample: false })).toBe(true);
  });
});
