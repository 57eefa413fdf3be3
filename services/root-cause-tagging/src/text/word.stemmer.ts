import english from 'natural/lib/natural/stemmers/porter_stemmer';
import dutch from 'natural/lib/natural/stemmers/porter_stemmer_nl';
import german from 'natural/lib/natural/stemmers/porter_stemmer_de';
import type { TaggedLanguage } from './language';

const STEMMERS: Record<TaggedLanguage, { stem(word: string): string }> = { en: english, nl: dutch, de: german };
const CACHE_LIMIT = 50000;
const caches: Record<TaggedLanguage, Map<string, string>> = { en: new Map(), nl: new Map(), de: new Map() };

/** Snowball/Porter stem of a lower-case word; memoised, because comments repeat the same words all day. */
export function stemWord(language: TaggedLanguage, lower: string): string {
  const cache = caches[language];
  let stem = cache.get(lower);
  if (stem === undefined) {
    // The stemmers expect letters; digits and very long tokens are kept as they are.
    stem = lower.length > 40 || !/\p{L}/u.test(lower) ? lower : STEMMERS[language].stem(lower).toLowerCase();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(lower, stem);
  }
  return stem;
}
