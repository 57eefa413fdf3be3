import { KeyCache } from './key.cache';

describe('KeyCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 0));

  it('forgets an entry once its TTL has passed', () => {
    const cache = new KeyCache<string>(10, 1000, clock);
    cache.set('a', 'key-a');
    now = 999;
    expect(cache.get('a')).toBe('key-a');
    now = 1000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the least recently used entry beyond its size', () => {
    const cache = new KeyCache<string>(2, 1000, clock);
    cache.set('a', 'key-a');
    cache.set('b', 'key-b');
    cache.get('a');
    cache.set('c', 'key-c');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['key-a', undefined, 'key-c']);
    expect(cache.size).toBe(2);
  });

  it('keeps nothing with a size or TTL of 0', () => {
    for (const cache of [new KeyCache<string>(0, 1000, clock), new KeyCache<string>(10, 0, clock)]) {
      cache.set('a', 'key-a');
      expect(cache.get('a')).toBeUndefined();
    }
  });

  it('evicts on delete', () => {
    const cache = new KeyCache<string>(10, 1000, clock);
    cache.set('a', 'key-a');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
