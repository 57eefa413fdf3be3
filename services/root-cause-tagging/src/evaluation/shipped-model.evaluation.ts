import { trainModel } from '../model/model.trainer';
import { CommentTagger } from '../tagging/comment.tagger';
import { initialTaxonomyTags } from '../taxonomy/initial-taxonomy';
import { loadLabelled } from './labelled.dataset';
import { evaluate, type Evaluation } from './tagging.evaluator';

/** The tagger as it ships (initial taxonomy, model trained on the train split) measured on dev and test. */
export function evaluateShippedTagger(): { dev: Evaluation; test: Evaluation; trainComments: number } {
  const shipped = loadLabelled();
  const tags = initialTaxonomyTags();
  const train = shipped.filter((comment) => comment.split === 'train');
  const tagger = new CommentTagger(tags, trainModel(train, [], tags.map((tag) => tag.id)));
  const measure = (split: string) => evaluate(shipped.filter((comment) => comment.split === split), (comment) => tagger.tag({ text: comment.text, score: comment.score }));
  return { dev: measure('dev'), test: measure('test'), trainComments: train.length };
}
