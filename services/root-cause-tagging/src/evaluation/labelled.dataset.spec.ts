import { initialTaxonomyTags } from '../taxonomy/initial-taxonomy';
import { loadLabelled } from './labelled.dataset';

describe('the shipped labelled dataset', () => {
  const comments = loadLabelled();
  const tagIds = initialTaxonomyTags().map((tag) => tag.id);

  it('has at least 50 comments per language, split into train, dev and test', () => {
    for (const language of ['en', 'nl', 'de'])
      expect(comments.filter((comment) => comment.language === language).length).toBeGreaterThanOrEqual(50);
    expect(new Set(comments.map((comment) => comment.split))).toEqual(new Set(['train', 'dev', 'test']));
    expect(new Set(comments.map((comment) => comment.id)).size).toBe(comments.length);
  });

  it('covers every tag of the taxonomy, negative and positive, in train and in test', () => {
    for (const split of ['train', 'test']) {
      const used = new Set(
        comments.filter((comment) => comment.split === split).flatMap((comment) => comment.tags.map((tag) => tag.id)),
      );
      for (const id of tagIds) expect({ split, id, covered: used.has(id) }).toEqual({ split, id, covered: true });
    }
    for (const polarity of ['negative', 'positive'])
      expect(comments.some((comment) => comment.tags.some((tag) => tag.polarity === polarity))).toBe(true);
  });

  it('uses only taxonomy ids and polarities', () => {
    for (const comment of comments)
      for (const tag of comment.tags)
        expect([tagIds.includes(tag.id), tag.polarity]).toEqual([true, expect.stringMatching(/^(negative|positive)$/)]);
  });
});
