import { evaluateShippedTagger } from './shipped-model.evaluation';

// The acceptance bar of issue #7, measured on the test split that nothing is trained or tuned on.
describe('tagging quality of the shipped tagger', () => {
  const { test } = evaluateShippedTagger();

  it('reaches micro-F1 >= 0.85 on the test split, counting a tag right only with its polarity', () => {
    expect(test.comments).toBeGreaterThanOrEqual(45);
    expect(test.tagsWithPolarity.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('stays above 0.75 in every language and identifies the language of every test comment but a few', () => {
    for (const language of ['en', 'nl', 'de']) expect({ language, f1: test.perLanguage[language].f1 }).toEqual({ language, f1: expect.any(Number) });
    for (const scores of Object.values(test.perLanguage)) expect(scores.f1).toBeGreaterThan(0.75);
    expect(test.languageAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
