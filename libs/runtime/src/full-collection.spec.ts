import { setImmediate as nextTurn } from 'node:timers/promises';
import { collectGarbageNow } from './full-collection';

describe('collectGarbageNow', () => {
  it('frees what nothing refers to any more, at once', async () => {
    const garbage = new WeakRef(new Array(100_000).fill({ unused: true }));
    await nextTurn(); // a WeakRef keeps its target until the end of the turn that made it
    collectGarbageNow();
    expect(garbage.deref()).toBeUndefined();
  });

  it('keeps what is still referred to', async () => {
    const kept = { used: true };
    const ref = new WeakRef(kept);
    await nextTurn();
    collectGarbageNow();
    expect(ref.deref()).toBe(kept);
  });

  it('gives the pages that garbage took back, rather than keeping them for the heap to grow into', async () => {
    collectGarbageNow();
    const before = process.memoryUsage().heapTotal;
    let garbage: object[] | undefined = Array.from({ length: 1_000_000 }, (_, i) => ({ i, text: `row ${i}` }));
    expect(process.memoryUsage().heapTotal).toBeGreaterThan(before + 50e6);
    garbage = undefined;
    await nextTurn();
    collectGarbageNow();
    expect(garbage).toBeUndefined();
    expect(process.memoryUsage().heapTotal).toBeLessThan(before + 20e6);
  });
});
