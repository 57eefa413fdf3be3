import type { LabelledComment } from '../evaluation/labelled.dataset';
import { added, type Counts, countsOf, expectedLabels, foundLabels, scores } from '../evaluation/tagging.evaluator';
import { idHash } from './id.hash';
import { CommentTagger } from '../tagging/comment.tagger';
import type { TaggingResult } from '../tagging/tagging.result';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import { type ConfirmedExample, trainModel } from './model.trainer';
import type { TagClassifier } from './tag.classifier';

/** One confirmed root cause in five is held out of training, chosen by response id so it stays put. */
const HELD_OUT_ONE_IN = 5;
/** One-sided at 5%: a candidate whose held-out F1 is lower by more than 1.645 standard errors is worse. */
const WORSE_BEYOND_CHANCE_Z = 1.645;
/** Nor may it lose more than this, however few held-out examples there are to tell chance by. */
const MAX_F1_LOSS = 0.005;

export interface RetrainInput {
  shipped: readonly LabelledComment[];
  confirmed: readonly ConfirmedExample[];
  tags: readonly TaxonomyTag[];
  inUse: TagClassifier;
}

/** Candidate and model in use on the same held-out set. */
export interface HeldOutComparison {
  /** Micro-F1 of the candidate on the held-out set (dev split with polarity, and the held-out confirmations). */
  f1: number;
  f1InUse: number;
  /** The standard error of `f1 - f1InUse`, by leaving out one held-out example at a time (jackknife). */
  f1DifferenceError: number;
  /** Held-out confirmed root causes the candidate finds. */
  confirmedFound: number;
  /** Held-out confirmed root causes the model in use finds. */
  confirmedFoundInUse: number;
}

export interface RetrainOutcome {
  candidate: TagClassifier;
  /** `comparison.f1` and `comparison.f1InUse`. */
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
    candidateF1: comparison.f1,
    inUseF1: comparison.f1InUse,
    comparison,
    promote: !candidate.equals(input.inUse) && promotes(comparison),
    trainingExamples: input.shipped.filter((comment) => comment.split === 'train').length + training.length,
    heldOutExamples: dev.length + heldOutConfirmed.length,
  };
}

/**
 * A candidate (one that differs) is promoted when it finds at least as many held-out confirmed root
 * causes as the model in use and its held-out F1 is not lower beyond chance (ADR 0057). A dozen
 * confirmations move a few of the dev split's thousands of labels either way; a strict "F1 at least
 * as high" turned that noise into a coin toss over whether the loop learned anything.
 */
export function promotes(comparison: HeldOutComparison): boolean {
  return (
    comparison.confirmedFound >= comparison.confirmedFoundInUse &&
    !worseBeyondChance(comparison.f1 - comparison.f1InUse, comparison.f1DifferenceError)
  );
}

/**
 * Whether a difference of held-out F1 (candidate minus model in use) says the candidate is worse: lower
 * by more than chance (1.645 standard errors), or by more than MAX_F1_LOSS.
 */
export function worseBeyondChance(difference: number, standardError: number): boolean {
  return difference < -Math.min(WORSE_BEYOND_CHANCE_Z * standardError, MAX_F1_LOSS);
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
  return f1(added(countsPerExample(answers, dev)));
}

/** Counts per held-out example: each dev comment's labels (tag with polarity), then each held-out confirmation. */
function countsPerExample(answers: HeldOutAnswers, dev: readonly LabelledComment[]): Counts[] {
  return [
    ...dev.map((comment) => countsOf(expectedLabels(comment), foundLabels(answers.dev.get(comment) as TaggingResult))),
    // A confirmation only says which tag is right: a hit or a miss of it, never a false positive.
    ...answers.confirmedFound.map((found) => ({
      truePositives: found ? 1 : 0,
      falsePositives: 0,
      falseNegatives: found ? 0 : 1,
    })),
  ];
}

function compare(candidate: HeldOutAnswers, inUse: HeldOutAnswers, dev: readonly LabelledComment[]): HeldOutComparison {
  const a = countsPerExample(candidate, dev);
  const b = countsPerExample(inUse, dev);
  const found = (answers: HeldOutAnswers) => answers.confirmedFound.filter(Boolean).length;
  return {
    f1: f1(added(a)),
    f1InUse: f1(added(b)),
    f1DifferenceError: jackknifeError(a, b),
    confirmedFound: found(candidate),
    confirmedFoundInUse: found(inUse),
  };
}

/**
 * The jackknife standard error of F1(a) - F1(b): both recomputed without one held-out example at a time (a
 * dev comment with all its labels, or a confirmation), so labels that move together count together.
 */
function jackknifeError(a: readonly Counts[], b: readonly Counts[]): number {
  const n = a.length;
  if (n < 2) return 0;
  const ta = added(a);
  const tb = added(b);
  const without = (all: Counts, one: Counts): Counts => ({
    truePositives: all.truePositives - one.truePositives,
    falsePositives: all.falsePositives - one.falsePositives,
    falseNegatives: all.falseNegatives - one.falseNegatives,
  });
  const differences = a.map((_, i) => f1(without(ta, a[i])) - f1(without(tb, b[i])));
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  const spread = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0);
  return Math.sqrt(((n - 1) / n) * spread);
}

function f1(counts: Counts): number {
  return scores(counts).f1;
}

export function isHeldOut(responseId: string): boolean {
  return idHash(responseId) % HELD_OUT_ONE_IN === 0;
}
