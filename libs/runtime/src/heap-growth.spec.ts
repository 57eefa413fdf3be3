import { HttpEnv, loadEnv } from '@nps/config';
import { heapGrowthFlag } from './heap-growth';

describe('HEAP_GROWING_PERCENT', () => {
  it('lets the heap grow 30% past the live heap by default (ADR 0049)', () => {
    const percent = loadEnv(HttpEnv, {}).HEAP_GROWING_PERCENT;
    expect(percent).toBe(30);
    expect(heapGrowthFlag(percent)).toBe('--heap-growing-percent=30');
  });

  it("leaves V8's own heuristics with 0", () => {
    expect(heapGrowthFlag(loadEnv(HttpEnv, { HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT)).toBeUndefined();
  });

  it.each(['-1', '301', '12.5', 'lots'])('refuses %s, naming the variable', (value) => {
    expect(() => loadEnv(HttpEnv, { HEAP_GROWING_PERCENT: value })).toThrow(/HEAP_GROWING_PERCENT/);
  });
});
