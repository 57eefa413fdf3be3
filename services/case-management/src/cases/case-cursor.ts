import { createHash } from 'node:crypto';
import type { CaseSort, SortOrder } from './case-queue.dto';

/**
 * Where a listing stands (ADR 0027): the sort key values and id of the last case served, the instant the
 * listing started (later cases stay out of it) and a fingerprint of its filters and sort.
 */
export interface CaseCursor {
  sort: CaseSort;
  order: SortOrder;
  /** Sort key values of the last case, as Postgres text (timestamps keep their microseconds). */
  keys: string[];
  id: string;
  /** `now()` of the first page, as Postgres text. */
  asOf: string;
  /** Fingerprint of the filters the listing was started with. */
  filters: string;
}

/** A short fingerprint of a listing's filters, so a cursor cannot be replayed against other filters. */
export function filtersFingerprint(filters: object): string {
  const canonical = JSON.stringify(filters, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeCursor(cursor: CaseCursor): string {
  const { sort, order, keys, id, asOf, filters } = cursor;
  return Buffer.from(JSON.stringify({ v: 1, s: sort, o: order, k: keys, i: id, a: asOf, f: filters })).toString(
    'base64url',
  );
}

/** The cursor, or null when the text is not one this service wrote. */
export function decodeCursor(text: string): CaseCursor | null {
  try {
    const raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const valid =
      raw?.v === 1 &&
      typeof raw.s === 'string' &&
      typeof raw.o === 'string' &&
      Array.isArray(raw.k) &&
      raw.k.every((key: unknown) => typeof key === 'string') &&
      typeof raw.i === 'string' &&
      typeof raw.a === 'string' &&
      typeof raw.f === 'string';
    return valid ? { sort: raw.s, order: raw.o, keys: raw.k, id: raw.i, asOf: raw.a, filters: raw.f } : null;
  } catch {
    return null;
  }
}
