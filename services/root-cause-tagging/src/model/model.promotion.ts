import type { LabelledComment } from '../evaluation/labelled.dataset';
import { type Counts, evaluate, scores } from '../evaluation/tagging.evaluator';
import { CommentTagger } from '../tagging/comment.tagger';
import type { TaggingResult } from '../tagging/tagging.result';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import { type ConfirmedExample, trainModel } from './model.trainer';
import type { TagClassifier } from './tag.classifier';

/** One confirmed root cause in five is held out of training, chosen by response id so it stays put. */
const HELD_OUT_ONE_IN = 5;
/** McNemar's test, one-sided at 5%: a candidate that loses more dev labels than it gains, beyond chance, is worse. */
const WORSE_BEYOND_CHANCE_Z = 1.645;

export interface RetrainInput {
  shipped: readonly LabelledComment[];
  confirmed: readonly ConfirmedExample[];
  tags: readonly TaxonomyTag[];
  inUse: TagClassifier;
}

/** Candidate and model in use, label by label, on the same held-out set. */
export interface HeldOutComparison {
  /** Dev labels (a tag with its polarity, there or not) the candidate gets right and the model in use wrong. */
  devGained: number;
  /** Dev labels the model in use gets right and the candidate wrong. */
  devLost: number;
  /** Held-out confirmed root causes the candidate finds. */
  confirmedFound: number;
  /** Held-out confirmed root causes the model in use finds. */
  confirmedFoundInUse: number;
}

export interface RetrainOutcome {
  candidate: TagClassifier;
  /** Micro-F1 on the whole held-out set (dev split with polarity, and the held-out confirmations). */
  candidateF1: number;
  inUseF1: number;
  comparison: HeldOutComparison;
  /** See `promotes`. */
  promote: boolean;
  trainingExamples: number;
  heldOutExamples: number;
}

/**
 * Trains a candidate on the shipped train split plus confirmed root causes and compares it with
 * the model in use on the same held-out set: the shipped dev split and the held-out confirmed
 * examples. The shipped test split is never used here (ADR 0009).
 */
export function retrain(input: RetrainInput): RetrainOutcome {
  const inUse = new CommentTagger(input.tags, input.inUse);
  const training = input.confirmed
    .filter((example) => !isHeldOut(example.responseId))
    .map((example) => ({
      ...example,
      readByModelInUse: inUse.tag({ text: example.text, languageHint: example.language }).tags.map((tag) => tag.tagId),
    }));
  const heldOutConfirmed = input.confirmed.filter((example) => isHeldOut(example.responseId));
  const dev = input.shipped.filter((comment) => comment.split === 'dev');
  const candidate = trainModel(
    input.shipped.filter((comment) => comment.split === 'train'),
    training,
    input.tags,
    dev,
  );
  const candidateAnswers = answersOf(new CommentTagger(input.tags, candidate), dev, heldOutConfirmed);
  const inUseAnswers = answersOf(inUse, dev, heldOutConfirmed);
  const comparison = compare(candidateAnswers, inUseAnswers, dev);
  return {
    candidate,
    candidateF1: f1Of(candidateAnswers, dev),
    inUseF1: f1Of(inUseAnswers, dev),
    comparison,
    promote: !candidate.equals(input.inUse) && promotes(comparison),
    trainingExamples: input.shipped.filter((comment) => comment.split === 'train').length + training.length,
    heldOutExamples: dev.length + heldOutConfirmed.length,
  };
}

/**
 * A candidate (one that differs) is promoted when it finds at least as many held-out confirmed root
 * causes as the model in use and is not worse on the dev split beyond chance (ADR 0057). A dozen
 * confirmations move a few of the dev split's thousands of labels either way; a strict "F1 at least
 * as high" turned that noise into a coin toss over whether the loop learned anything.
 */
export function promotes(comparison: HeldOutComparison): boolean {
  return (
    comparison.confirmedFound >= comparison.confirmedFoundInUse &&
    !worseBeyondChance(comparison.devGained, comparison.devLost)
  );
}

/** McNemar's test with continuity correction on the labels only one of the two models gets right. */
export function worseBeyondChance(gained: number, lost: number): boolean {
  return lost > gained && (lost - gained - 1) / Math.sqrt(lost + gained) > WORSE_BEYOND_CHANCE_Z;
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
  return f1Of(answersOf(tagger, dev, confirmed), dev);
}

/** A model's answers on the held-out set: its tagging of each dev comment, and whether it finds each confirmed tag. */
interface HeldOutAnswers {
  dev: Map<LabelledComment, TaggingResult>;
  confirmedFound: boolean[];
}

function answersOf(
  tagger: CommentTagger,
  dev: readonly LabelledComment[],
  confirmed: readonly ConfirmedExample[],
): HeldOutAnswers {
  return {
    dev: new Map(dev.map((comment) => [comment, tagger.tag({ text: comment.text, score: comment.score })])),
    confirmedFound: confirmed.map((example) =>
      tagger
        .tag({ text: example.text, languageHint: example.language })
        .tags.some((tag) => tag.tagId === example.tagId),
    ),
  };
}

function f1Of(answers: HeldOutAnswers, dev: readonly LabelledComment[]): number {
  const counts: Counts = {
    ...evaluate(dev, (comment) => answers.dev.get(comment) as TaggingResult).tagsWithPolarity,
  };
  for (const found of answers.confirmedFound)
    if (found) counts.truePositives++;
    else counts.falseNegatives++;
  return scores(counts).f1;
}

function compare(candidate: HeldOutAnswers, inUse: HeldOutAnswers, dev: readonly LabelledComment[]): HeldOutComparison {
  let devGained = 0;
  let devLost = 0;
  for (const comment of dev) {
    const expected = labelsOf(comment.tags.map((tag) => ({ tagId: tag.id, polarity: tag.polarity })));
    const byCandidate = labelsOf((candidate.dev.get(comment) as TaggingResult).tags);
    const byInUse = labelsOf((inUse.dev.get(comment) as TaggingResult).tags);
    for (const label of new Set([...expected, ...byCandidate, ...byInUse])) {
      const candidateRight = byCandidate.has(label) === expected.has(label);
      const inUseRight = byInUse.has(label) === expected.has(label);
      if (candidateRight && !inUseRight) devGained++;
      else if (inUseRight && !candidateRight) devLost++;
    }
  }
  const found = (answers: HeldOutAnswers) => answers.confirmedFound.filter(Boolean).length;
  return { devGained, devLost, confirmedFound: found(candidate), confirmedFoundInUse: found(inUse) };
}

function labelsOf(tags: readonly { tagId: string; polarity: string }[]): Set<string> {
  return new Set(tags.map((tag) => `${tag.tagId}:${tag.polarity}`));
}

export function isHeldOut(responseId: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < responseId.length; i++) hash = Math.imul(hash ^ responseId.charCodeAt(i), 0x01000193) >>> 0;
  return hash % HELD_OUT_ONE_IN === 0;
}
