import { measureHoldout, measureOwnTestSplit, shippedTagger } from './shipped-model.evaluation';

const tagger = shippedTagger().tagger;

// Issue #20: the shipped tagger on the blind set (data/eval/holdout.jsonl), which nothing is trained
// or tuned on and whose texts nobody reads; only the aggregate figures are looked at.
describe('tagging quality of the shipped tagger on the blind set', () => {
  const blind = measureHoldout(tagger);

  // Issue #20's bar (0.85) is not reached yet (docs/tagging-quality.md); this guards the level reached.
  it('does not fall below the level reached (micro-F1 0.68 on tag ids, 0.65 with polarity)', () => {
    expect(blind.comments).toBeGreaterThanOrEqual(398);
    expect(blind.tagIds.f1).toBeGreaterThanOrEqual(0.68);
    expect(blind.tagsWithPolarity.f1).toBeGreaterThanOrEqual(0.65);
  });

  it('identifies the language of every blind comment but a few', () => {
    expect(blind.languageAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

// Issue #7: micro-F1 at least 0.85 on the test split of the project's own comments, never tuned on.
describe("tagging quality of the shipped tagger on issue #7's own test split", () => {
  it('keeps micro-F1 at 0.85 or more, tag ids and tag with polarity', () => {
    const own = measureOwnTestSplit(tagger);
    expect(own.comments).toBeGreaterThanOrEqual(50);
    expect(own.tags.f1).toBeGreaterThanOrEqual(0.85);
    expect(own.tagsWithPolarity.f1).toBeGreaterThanOrEqual(0.85);
  });
});
