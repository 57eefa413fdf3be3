import { synonymClasses } from './synonym.classes';
import { stemWord } from './word.stemmer';

describe('synonym classes', () => {
  const classes = (language: 'en' | 'nl' | 'de', word: string) => synonymClasses(word, stemWord(language, word));

  it.each([
    ['en', 'refunded', ['refund']],
    ['nl', 'terugbetaling', ['refund']],
    ['de', 'erstattet', ['refund']],
    ['en', 'nobody', ['nobody']],
    ['de', 'keiner', ['nobody']],
    ['nl', 'gereageerd', ['answer']],
    // From the concept inventory (data/concepts.json).
    ['en', 'nowhere', ['nowhere']],
    ['nl', 'nergens', ['nowhere']],
    ['de', 'nirgends', ['nowhere']],
  ] as const)('puts the same meaning in one class across languages: %s %s', (language, word, expected) => {
    expect(classes(language, word)).toEqual(expected);
  });

  it.each([
    ['de', 'rückerstattung', ['refund']],
    ['de', 'kundenservice', ['help']],
    ['nl', 'klantenservice', ['help']],
    ['de', 'paketzustellung', ['deliver']],
    ['nl', 'factuurbedrag', ['amount', 'bill']],
  ] as const)('splits a compound into the class words it is made of: %s %s', (language, word, expected) => {
    expect(classes(language, word)).toEqual(expected);
  });

  it('matches a function word by its own form only, not by a stem it shares', () => {
    // "nicht" stems like "nichts" (nobody); negation is marked on the negated word instead.
    expect(classes('de', 'nicht')).toEqual([]);
    expect(classes('de', 'nichts')).toEqual(['nobody']);
  });

  it('gives a word of no class no class', () => {
    expect(classes('en', 'banana')).toEqual([]);
    expect(classes('de', 'zwetschgenbaum')).toEqual([]);
  });
});
