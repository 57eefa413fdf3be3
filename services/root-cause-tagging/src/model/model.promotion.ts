import type { LabelledComment } from '../evaluation/labelled.dataset';
import { type Counts, evaluate, scores } from '../evaluation/tagging.evaluator';
import { CommentTagger } from '../tagging/comment.tagger';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import { type ConfirmedExample, trainModel } from './model.trainer';
import type { TagClassifier } from './tag.classifier';

/** One confirmed root cause in five is held out of training, chosen by response id so it stays put. */
const HELD_OUT_ONE_IN = 5;

export interface RetrainInput {
  shipped: readonly LabelledComment[];
  confirmed: readonly ConfirmedExample[];
  tags: readonly TaxonomyTag[];
  inUse: TagClassifier;
}

export interface RetrainOutcome {
  candidate: TagClassifier;
  candidateF1: number;
  inUseF1: number;
  /** The candidate is used only when it differs from the model in use and does at least as well on the held-out set. */
  promote: boolean;
  trainingExamples: number;
  heldOutExamples: number;
}

/**
 * Trains a candidate on the shipped train split plus confirmed root causes and scores it against
 * the model in use on the same held-out set: the shipped dev split and the held-out confirmed
 * examples. The shipped test split is never used here (ADR 0009).
 */
export function retrain(input: RetrainInput): RetrainOutcome {
  const training = input.confirmed.filter((example) => !isHeldOut(example.responseId));
  const heldOutConfirmed = input.confirmed.filter((example) => isHeldOut(example.responseId));
  const dev = input.shipped.filter((comment) => comment.split === 'dev');
  const candidate = trainModel(
    input.shipped.filter((comment) => comment.split === 'train'),
    training,
    input.tags,
    dev,
  );
  const candidateF1 = heldOutF1(new CommentTagger(input.tags, candidate), dev, heldOutConfirmed);
  const inUseF1 = heldOutF1(new CommentTagger(input.tags, input.inUse), dev, heldOutConfirmed);
  return {
    candidate,
    candidateF1,
    inUseF1,
    promote: candidateF1 >= inUseF1 && !candidate.equals(input.inUse),
    trainingExamples: input.shipped.filter((comment) => comment.split === 'train').length + training.length,
    heldOutExamples: dev.length + heldOutConfirmed.length,
  };
}

/**
 * Micro-F1 over the dev split (tag and polarity) and the held-out confirmed root causes. A
 * confirmed example only says which tag is right, so it counts a hit or a miss of that tag and
 * never a false positive.
 */
export function heldOutF1(
  tagger: CommentTagger,
  dev: readonly LabelledComment[],
  confirmed: readonly ConfirmedExample[],
): number {
  const counts: Counts = {
    ...evaluate(dev, (comment) => tagger.tag({ text: comment.text, score: comment.score })).tagsWithPolarity,
  };
  for (const example of confirmed) {
    const found = tagger
      .tag({ text: example.text, languageHint: example.language })
      .tags.some((tag) => tag.tagId === example.tagId);
    if (found) counts.truePositives++;
    else counts.falseNegatives++;
  }
  return scores(counts).f1;
}

export function isHeldOut(responseId: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < responseId.length; i++) hash = Math.imul(hash ^ responseId.charCodeAt(i), 0x01000193) >>> 0;
  return hash % HELD_OUT_ONE_IN === 0;
}
