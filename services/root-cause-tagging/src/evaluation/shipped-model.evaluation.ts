import type { TagClassifier } from '../model/tag.classifier';
import { trainModel } from '../model/model.trainer';
import { CommentTagger } from '../tagging/comment.tagger';
import type { TaggingResult } from '../tagging/tagging.result';
import { initialTaxonomyTags } from '../taxonomy/initial-taxonomy';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import { type LabelledComment, loadLabelled } from './labelled.dataset';
import { evaluate, type Evaluation, type Scores } from './tagging.evaluator';
import { HOLDOUT_SET, independentSet, trainingCorpus } from './training.corpus';

export interface ShippedTagger {
  tags: TaxonomyTag[];
  model: TagClassifier;
  tagger: CommentTagger;
  trainComments: number;
  calibrationComments: number;
}

/** Figures of one labelled set: on tag ids alone and on tag + polarity, overall, per language and per tag. */
export interface SetFigures {
  comments: number;
  tagIds: Scores;
  tagsWithPolarity: Scores;
  languageAccuracy: number;
  perLanguage: Record<string, { comments: number; tagIds: Scores; tagsWithPolarity: Scores }>;
  perTag: Record<string, Scores>;
}

/** The tagger as it ships: initial taxonomy, model trained on the corpus' train split, thresholds chosen on dev. */
export function shippedTagger(): ShippedTagger {
  const corpus = trainingCorpus();
  const tags = initialTaxonomyTags();
  const train = corpus.filter((comment) => comment.split === 'train');
  const calibration = corpus.filter((comment) => comment.split === 'dev');
  const model = trainModel(train, [], tags, calibration);
  return {
    tags,
    model,
    tagger: new CommentTagger(tags, model),
    trainComments: train.length,
    calibrationComments: calibration.length,
  };
}

/** Scores `tagger` on labelled comments; the comments' texts stay inside (only aggregates come out). */
export function measureSet(tagger: CommentTagger, comments: readonly LabelledComment[]): SetFigures {
  const tag = (comment: LabelledComment) => tagger.tag({ text: comment.text, score: comment.score });
  const strict = evaluate(comments, tag);
  const ids = evaluate(comments.map(withoutPolarity), (comment) => idsOnly(tag(comment)));
  const perLanguage: SetFigures['perLanguage'] = {};
  for (const language of Object.keys(ids.perLanguage).sort()) {
    perLanguage[language] = {
      comments: comments.filter((comment) => comment.language === language).length,
      tagIds: ids.perLanguage[language],
      tagsWithPolarity: strict.perLanguage[language],
    };
  }
  return {
    comments: comments.length,
    tagIds: ids.tags,
    tagsWithPolarity: strict.tagsWithPolarity,
    languageAccuracy: strict.languageAccuracy,
    perLanguage,
    perTag: ids.perTag,
  };
}

/** The blind set, scored in aggregate only: never print its texts or its per-comment mistakes. */
export function measureHoldout(tagger: CommentTagger): SetFigures {
  return measureSet(tagger, loadLabelled(HOLDOUT_SET));
}

/** The shipped test split of the project's own comments (issue #7's bar), for comparison. */
export function measureOwnTestSplit(tagger: CommentTagger): Evaluation {
  return evaluate(
    loadLabelled().filter((comment) => comment.split === 'test'),
    (comment) => tagger.tag({ text: comment.text, score: comment.score }),
  );
}

export function devCheckSet(): LabelledComment[] {
  return independentSet().filter((comment) => comment.split === 'dev');
}

function withoutPolarity(comment: LabelledComment): LabelledComment {
  return { ...comment, tags: comment.tags.map((tag) => ({ id: tag.id, polarity: 'negative' })) };
}

function idsOnly(result: TaggingResult): TaggingResult {
  return { ...result, tags: result.tags.map((tag) => ({ ...tag, polarity: 'negative' })) };
}
