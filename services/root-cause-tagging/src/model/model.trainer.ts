import { collectGarbageNow } from '@nps/runtime';
import type { LabelledComment } from '../evaluation/labelled.dataset';
import { idHash } from './id.hash';
import { CommentReader } from '../tagging/comment.reader';
import { CommentTagger, predictTags } from '../tagging/comment.tagger';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import { trainPolarity } from './polarity.trainer';
import { TagClassifier, type TrainingExample } from './tag.classifier';

/** A comment a case owner confirmed a root cause for: positive for that tag, silent on the others. */
export interface ConfirmedExample {
  responseId: string;
  language: LabelledComment['language'];
  text: string;
  tagId: string;
  /**
   * The tags the model in use reads in the comment: taken as its labels for the tags the owner said
   * nothing about (ADR 0059). Without them the example trains only its confirmed tag.
   */
  readByModelInUse?: readonly string[];
}

/**
 * A root cause a case owner confirmed counts twice as much as one labelled comment: it is in-domain
 * and current, and the shipped corpus only grows. On the 717 comments of the first development set,
 * a dozen confirmations at weight 1 moved nothing (the loop slice stayed at F1 0.353) and at 2 they
 * did (0.526); on the 1,168 of both sets they move it at either weight (0.222 to 0.316).
 */
const CONFIRMED_WEIGHT = 2;
const THRESHOLDS = Array.from({ length: 15 }, (_, i) => (15 + i * 5) / 100);
/** Fewer positives than this on the calibration set say too little to move a tag's threshold. */
const MIN_CALIBRATION_POSITIVES = 4;

/**
 * Trains the learned part of the tagger from labelled comments and confirmed root causes, then
 * chooses each tag's threshold on `calibration` (labelled comments it was not trained on).
 */
export function trainModel(
  labelled: readonly LabelledComment[],
  confirmed: readonly ConfirmedExample[],
  tags: readonly TaxonomyTag[],
  calibration: readonly LabelledComment[] = [],
): TagClassifier {
  const reader = new CommentReader(tags);
  const trained = trainTagClassifier(reader, labelled, confirmed, tags);
  const model =
    calibration.length === 0 ? trained : trained.withThresholds(chooseThresholds(trained, reader, calibration));
  // The polarity of the tags this model finds, learned from what it finds in the labelled comments (ADR 0063).
  // Its training starts from a heap without the tag model's training garbage, so it does not grow it further.
  collectGarbageNow();
  return model.withPolarity(trainPolarity(new CommentTagger(tags, model), labelled));
}

function trainTagClassifier(
  reader: CommentReader,
  labelled: readonly LabelledComment[],
  confirmed: readonly ConfirmedExample[],
  tags: readonly TaxonomyTag[],
): TagClassifier {
  const features = (text: string, language: LabelledComment['language']) => [
    ...new Set(reader.read(text, language).features.names),
  ];
  const examples: TrainingExample[] = [...labelled]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((comment) => ({
      features: features(comment.text, comment.language),
      tags: new Set(comment.tags.map((tag) => tag.id)),
    }));
  // Spread among the labelled comments, not after them: SGD in a fixed order weighs the last examples of
  // each pass most, and a dozen confirmations at the end moved every classifier (ADR 0059).
  const places = confirmedComments(confirmed).map((comment) => ({
    at: idHash(`place:${comment.language}:${comment.text}`) % (examples.length + 1),
    example: {
      features: features(comment.text, comment.language),
      tags: comment.tags,
      known: comment.known,
      weight: CONFIRMED_WEIGHT,
    },
  }));
  for (const { at, example } of places.sort((a, b) => b.at - a.at)) examples.splice(at, 0, example);
  return TagClassifier.train(
    examples,
    tags.map((tag) => tag.id),
  );
}

/** A confirmed comment: the tags it trains, and which of them it speaks for (all when `known` is undefined). */
interface ConfirmedComment {
  text: string;
  language: LabelledComment['language'];
  tags: Set<string>;
  known?: Set<string>;
}

/**
 * One example per confirmed comment (two confirmations of one text are one comment with both tags), in
 * response id order: its confirmed tags, plus what the model in use reads in it for the other tags when
 * that is known.
 */
function confirmedComments(confirmed: readonly ConfirmedExample[]): ConfirmedComment[] {
  const byText = new Map<string, ConfirmedComment>();
  for (const example of [...confirmed].sort((a, b) => a.responseId.localeCompare(b.responseId))) {
    const key = `${example.language}\u0000${example.text}`;
    const comment = byText.get(key) ?? {
      text: example.text,
      language: example.language,
      tags: new Set(),
      known: new Set(),
    };
    comment.tags.add(example.tagId);
    if (example.readByModelInUse) {
      for (const tagId of example.readByModelInUse) comment.tags.add(tagId);
      comment.known = undefined;
    } else comment.known?.add(example.tagId);
    byText.set(key, comment);
  }
  return [...byText.values()];
}

/** Per tag, the probability threshold with the best F1 on the calibration comments (ties: nearest 0.5). */
function chooseThresholds(
  model: TagClassifier,
  reader: CommentReader,
  calibration: readonly LabelledComment[],
): Map<string, number> {
  const scored = calibration.map((comment) => ({
    predictions: predictTags(model, reader.read(comment.text, comment.language)),
    tags: new Set(comment.tags.map((tag) => tag.id)),
  }));
  const thresholds = new Map<string, number>();
  for (const tagId of model.tagIds) {
    const pairs = scored.map(({ predictions, tags }) => ({
      probability: predictions.get(tagId)?.probability ?? 0,
      positive: tags.has(tagId),
    }));
    if (pairs.filter((pair) => pair.positive).length < MIN_CALIBRATION_POSITIVES) continue;
    let best = { threshold: 0.5, f1: -1 };
    for (const threshold of THRESHOLDS) {
      const f1 = f1At(pairs, threshold);
      if (
        f1 > best.f1 + 1e-9 ||
        (Math.abs(f1 - best.f1) <= 1e-9 && Math.abs(threshold - 0.5) < Math.abs(best.threshold - 0.5))
      )
        best = { threshold, f1 };
    }
    thresholds.set(tagId, best.threshold);
  }
  return thresholds;
}

function f1At(pairs: readonly { probability: number; positive: boolean }[], threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { probability, positive } of pairs) {
    if (probability >= threshold) {
      if (positive) tp++;
      else fp++;
    } else if (positive) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}
