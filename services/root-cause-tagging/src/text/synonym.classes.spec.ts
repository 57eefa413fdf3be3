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
  ] as const)('puts the same meaning in one class across languages: %s %s', (language, word, expected) => {
    expect(classes(language, word)).toEqual(expected);
  });

  it.each([
    ['de', 'rückerstattung', ['refund']],
    ['de', 'kundenservice', ['help']],
    ['nl', 'klantenservice', ['help']],
    ['de', 'paketzustellung', ['deliver']],
    ['nl', 'factuurbedrag', ['bill']],
  ] as const)('splits a compound into the class words it is made of: %s %s', (language, word, expected) => {
    expect(classes(language, word)).toEqual(expected);
  });

  it('gives a word of no class no class', () => {
    expect(classes('en', 'banana')).toEqual([]);
    expect(classes('de', 'regenschirmständer')).toEqual([]);
  });
});
