import { trainModel } from '../model/model.trainer';
import { CommentTagger } from '../tagging/comment.tagger';
import { initialTaxonomyTags } from '../taxonomy/initial-taxonomy';
import { type LabelledComment, loadLabelled } from './labelled.dataset';
import { measureSet, type SetFigures } from './shipped-model.evaluation';
import { added, scores } from './tagging.evaluator';
import { idHash } from '../model/id.hash';
import { independentComments, independentSet } from './training.corpus';

export const CROSS_VALIDATION_FOLDS = 5;

/**
 * K-fold cross-validation over the independent development set (ADR 0040): each fold is tagged by a
 * model trained on the project's comments and the other folds but one, whose thresholds are chosen on
 * that one. Every development comment is scored once by a model that never saw it, so a change that
 * only memorises dev-check does not show up here. Figures are pooled over the folds (micro).
 */
export function crossValidate(folds = CROSS_VALIDATION_FOLDS): SetFigures {
  const own = loadLabelled();
  const independent = independentComments();
  // Not the dev-check hash: folds cut across dev-train and dev-check.
  const foldOf = (comment: LabelledComment) => (idHash(`fold:${comment.id}`) >>> 3) % folds;
  const perFold: SetFigures[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const calibrationFold = (fold + 1) % folds;
    const train = [
      ...own.filter((comment) => comment.split === 'train'),
      ...independent.filter((comment) => foldOf(comment) !== fold && foldOf(comment) !== calibrationFold),
    ];
    const calibration = [
      ...own.filter((comment) => comment.split === 'dev'),
      ...independent.filter((comment) => foldOf(comment) === calibrationFold),
    ];
    perFold.push(
      scoredByModelOf(
        train,
        calibration,
        independent.filter((comment) => foldOf(comment) === fold),
      ),
    );
  }
  return pool(perFold);
}

/**
 * Leave one annotator out (ADR 0056): each annotator's comments are tagged by a model trained on
 * everyone else's (dev-train), thresholds chosen on everyone else's dev-check. Unlike folds by id
 * hash, no comment is scored by a model that saw its author's phrasings: the nearest the
 * development data comes to a blind set.
 */
export function crossValidateByAnnotator(): SetFigures {
  const own = loadLabelled();
  const independent = independentSet();
  const annotators = [...new Set(independent.map((comment) => annotatorOf(comment.id)))].sort();
  return pool(
    annotators.map((annotator) => {
      const others = [...own, ...independent.filter((comment) => annotatorOf(comment.id) !== annotator)];
      return scoredByModelOf(
        others.filter((comment) => comment.split === 'train'),
        others.filter((comment) => comment.split === 'dev'),
        independent.filter((comment) => annotatorOf(comment.id) === annotator),
      );
    }),
  );
}

/** `scored` tagged by a model trained on `train`, its thresholds chosen on `calibration`. */
function scoredByModelOf(
  train: readonly LabelledComment[],
  calibration: readonly LabelledComment[],
  scored: readonly LabelledComment[],
): SetFigures {
  const tags = initialTaxonomyTags();
  return measureSet(new CommentTagger(tags, trainModel(train, [], tags, calibration)), scored);
}

/** The annotator an id names: the id without its language and number ("ind3-a-en-0001" → "ind3-a"). */
export function annotatorOf(id: string): string {
  return id.replace(/-(en|nl|de)-\d+$/, '');
}

function pool(sets: readonly SetFigures[]): SetFigures {
  const comments = sets.reduce((sum, set) => sum + set.comments, 0);
  const keys = (pick: (set: SetFigures) => object) =>
    [...new Set(sets.flatMap((set) => Object.keys(pick(set))))].sort();
  return {
    comments,
    tagIds: scores(added(sets.map((set) => set.tagIds))),
    tagsWithPolarity: scores(added(sets.map((set) => set.tagsWithPolarity))),
    languageAccuracy: sets.reduce((total, set) => total + set.languageAccuracy * set.comments, 0) / comments,
    perLanguage: Object.fromEntries(
      keys((set) => set.perLanguage).map((language) => {
        const parts = sets.map((set) => set.perLanguage[language]).filter((part) => part !== undefined);
        return [
          language,
          {
            comments: parts.reduce((total, part) => total + part.comments, 0),
            tagIds: scores(added(parts.map((part) => part.tagIds))),
            tagsWithPolarity: scores(added(parts.map((part) => part.tagsWithPolarity))),
          },
        ];
      }),
    ),
    perTag: Object.fromEntries(
      keys((set) => set.perTag).map((tag) => [
        tag,
        scores(added(sets.map((set) => set.perTag[tag]).filter((part) => part !== undefined))),
      ]),
    ),
  };
}
