import { HttpEnv, loadEnv } from '@nps/config';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { heapGrowthFlag, settleHeapOnceReady } from './heap-growth';

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

describe('settleHeapOnceReady', () => {
  it('collects the garbage of start-up, so that V8 sets its next limit from the live heap (ADR 0064)', async () => {
    const startUpGarbage = new WeakRef(new Array(100_000).fill({ unused: true }));
    await nextTurn(); // a WeakRef keeps its target until the end of the turn that made it
    settleHeapOnceReady(30);
    expect(startUpGarbage.deref()).toBeUndefined();
  });

  it("leaves the heap to V8's own heuristics with 0", async () => {
    const startUpGarbage = new WeakRef(new Array(100_000).fill({ unused: true }));
    await nextTurn();
    settleHeapOnceReady(0);
    expect(startUpGarbage.deref()).toBeDefined();
  });
});
