import { describe, expect, it } from '@jest/globals';
import { isTypingTarget, nextRow } from './queue-keys';

describe('queue keys', () => {
  it('moves with j/k and the arrows, stopping at the ends', () => {
    expect(nextRow('j', -1, 3)).toBe(0);
    expect(nextRow('j', 0, 3)).toBe(1);
    expect(nextRow('ArrowDown', 2, 3)).toBe(2);
    expect(nextRow('k', 0, 3)).toBe(0);
    expect(nextRow('ArrowUp', 2, 3)).toBe(1);
    expect(nextRow('End', 0, 3)).toBe(2);
    expect(nextRow('Home', 2, 3)).toBe(0);
    expect(nextRow('x', 0, 3)).toBeNull();
    expect(nextRow('j', -1, 0)).toBeNull();
  });

  it('leaves keys alone while typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'A' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
