import { decodeCursor, encodeCursor, filtersFingerprint } from './case-cursor';

describe('case cursor', () => {
  const cursor = {
    sort: 'priority' as const,
    order: 'desc' as const,
    keys: ['3', '2026-06-01 08:00:00.123456+00'],
    id: '9b2c1f9e-0d5a-5c3e-8f1a-2b3c4d5e6f70',
    asOf: '2026-12-02 06:00:00.000001+00',
    filters: filtersFingerprint({ statuses: ['open'] }),
  };

  it('round-trips, microseconds included, as URL-safe text', () => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it.each([['not-a-cursor'], [''], [Buffer.from('{"v":2}').toString('base64url')], ['%%%']])('refuses %p', (text) =>
    expect(decodeCursor(text)).toBeNull(),
  );

  it('fingerprints filters whatever the order of their properties, and tells other filters apart', () => {
    expect(filtersFingerprint({ a: 1, b: ['x'] })).toBe(filtersFingerprint({ b: ['x'], a: 1 }));
    expect(filtersFingerprint({ a: 1, b: ['x'] })).not.toBe(filtersFingerprint({ a: 1, b: ['y'] }));
    expect(filtersFingerprint({ a: undefined })).toBe(filtersFingerprint({}));
  });
});
