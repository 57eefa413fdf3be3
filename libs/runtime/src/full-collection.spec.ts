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
});
