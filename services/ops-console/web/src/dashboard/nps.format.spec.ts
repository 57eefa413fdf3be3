import { describe, expect, it } from '@jest/globals';
import {
  formatHours,
  formatInterval,
  formatMargin,
  formatNps,
  formatNpsWithMargin,
  formatPct,
  formatShare,
  formatSigned,
} from './nps.format';

describe('NPS formatting', () => {
  it('writes NPS to one decimal with a real minus sign', () => {
    expect(formatNps(30)).toBe('30.0');
    expect(formatNps(16.66667)).toBe('16.7');
    expect(formatNps(-43.9349)).toBe('−43.9');
    expect(formatNps(-0.01)).toBe('0.0');
  });

  it('never shows an NPS without its margin of error', () => {
    expect(formatMargin(15.3081)).toBe('± 15.3');
    expect(formatNpsWithMargin(30, 15.3081)).toBe('30.0 ± 15.3');
    expect(formatInterval([14.0509, 44.2016])).toBe('14.1 to 44.2');
  });

  it('writes shares, percentages, hours and signed changes', () => {
    expect(formatShare(0.875)).toBe('88%');
    expect(formatShare(null)).toBe('–');
    expect(formatPct(41.54)).toBe('41.5%');
    expect(formatHours(5.55)).toBe('5.6 h');
    expect(formatHours(null)).toBe('–');
    expect(formatSigned(18.84)).toBe('+18.8');
    expect(formatSigned(-2.25)).toBe('−2.3');
    expect(formatSigned(0.01)).toBe('0.0');
  });
});
