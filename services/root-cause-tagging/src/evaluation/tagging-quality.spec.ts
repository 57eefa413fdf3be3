import { measureHoldout, shippedTagger } from './shipped-model.evaluation';

// Issue #20: the shipped tagger on the blind set (data/eval/holdout.jsonl), which nothing is trained
// or tuned on and whose texts nobody reads; only the aggregate figures are looked at.
describe('tagging quality of the shipped tagger on the blind set', () => {
  const blind = measureHoldout(shippedTagger().tagger);

  it('reaches micro-F1 >= 0.85 on tag ids', () => {
    expect(blind.comments).toBeGreaterThanOrEqual(398);
    expect(blind.tagIds.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('identifies the language of every blind comment but a few', () => {
    expect(blind.languageAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
