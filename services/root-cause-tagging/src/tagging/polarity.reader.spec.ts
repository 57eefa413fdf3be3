import { loadLabelled } from '../evaluation/labelled.dataset';
import { measureSet } from '../evaluation/shipped-model.evaluation';
import { independentSet } from '../evaluation/training.corpus';
import { trainModel } from '../model/model.trainer';
import { trainPolarity } from '../model/polarity.trainer';
import { initialTaxonomyTags } from '../taxonomy/initial-taxonomy';
import { CommentTagger } from './comment.tagger';
import { POSITIVE } from './polarity.reader';

const tags = initialTaxonomyTags();
const own = loadLabelled();
const development = independentSet();
const model = trainModel(
  [...own, ...development].filter((comment) => comment.split === 'train'),
  [],
  tags,
  own.filter((comment) => comment.split === 'dev'),
);
// Comments the model never saw: the development set's dev-check.
const unseen = development.filter((comment) => comment.split === 'dev');

describe('the polarity model (ADR 0063)', () => {
  it('is trained with the tag model once enough labelled comments say which polarity their tags have', () => {
    expect(model.polarity).toBeDefined();
    const rulesOnly = new CommentTagger(tags, model.withPolarity(undefined));
    expect(
      trainPolarity(
        rulesOnly,
        own.filter((comment) => comment.split === 'train'),
      ),
    ).toBeUndefined();
  });

  it('reads the polarity of the tags found on comments it never saw better than the rules', () => {
    const withModel = measureSet(new CommentTagger(tags, model), unseen);
    const withRules = measureSet(new CommentTagger(tags, model.withPolarity(undefined)), unseen);
    expect(withModel.tagIds.f1).toBe(withRules.tagIds.f1);
    expect(withModel.tagsWithPolarity.f1).toBeGreaterThan(withRules.tagsWithPolarity.f1 + 0.01);
  });

  it('decides as the features it was trained on say, though it reads them through the tag model ids', () => {
    const tagger = new CommentTagger(tags, model);
    const rulesOnly = new CommentTagger(tags, model.withPolarity(undefined));
    const polarity = model.polarity;
    if (!polarity) throw new Error('the model was trained without a polarity model');
    let found = 0;
    for (const comment of unseen.slice(0, 300)) {
      const input = { text: comment.text, score: comment.score };
      const tagged = tagger.tag(input).tags;
      const readings = rulesOnly.polarityReadings(input);
      expect(tagged.map((tag) => tag.tagId)).toEqual(readings.map((reading) => reading.found.tagId));
      readings.forEach(({ features }, i) => {
        const ids = features.map((feature) => polarity.idOf(feature)).filter((id) => id !== undefined);
        expect(tagged[i].polarity).toBe(polarity.probabilityOf(POSITIVE, ids) >= 0.5 ? 'positive' : 'negative');
        found++;
      });
    }
    expect(found).toBeGreaterThan(300);
  });
});
