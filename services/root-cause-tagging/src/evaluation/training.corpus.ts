import { idHash } from '../model/id.hash';
import { type LabelledComment, loadLabelled } from './labelled.dataset';

/** One comment of the independent development set in four checks the model instead of training it. */
const DEV_CHECK_ONE_IN = 4;
/** The independent development sets, each written blind (data/eval/README.md). */
export const INDEPENDENT_SETS = [
  'eval/independent.jsonl',
  'eval/independent-2.jsonl',
  'eval/independent-3.jsonl',
  'eval/independent-4.jsonl',
  'eval/independent-5.jsonl',
];
/** The blind set (data/eval/README.md): only ever scored in aggregate, never read, never trained or tuned on. */
export const HOLDOUT_SET = 'eval/holdout.jsonl';

/**
 * Everything the shipped model learns from: the project's own comments (their train split) and the
 * independent development set, split by id hash into `train` (dev-train) and `dev` (dev-check, which
 * chooses the thresholds and guards promotion). Test split and holdout are never part of it.
 */
export function trainingCorpus(): LabelledComment[] {
  return [...loadLabelled(), ...independentSet()];
}

/** The comments of the independent development sets, as labelled. */
export function independentComments(): LabelledComment[] {
  return INDEPENDENT_SETS.flatMap((file) => loadLabelled(file));
}

/** The independent development set, each comment with its fixed dev-train/dev-check split. */
export function independentSet(): LabelledComment[] {
  return independentComments().map((comment) => ({
    ...comment,
    split: isDevCheck(comment.id) ? 'dev' : 'train',
  }));
}

/** The shares of dev-train the curves of docs/tagging-quality.md step through. */
export const CURVE_SHARES = [0, 0.25, 0.5, 0.75, 1];

/** dev-train in a fixed pseudo-random order, so that every slice of it mixes annotators, languages and industries. */
export function devTrainStream(): LabelledComment[] {
  return independentSet()
    .filter((comment) => comment.split === 'train')
    .sort((a, b) => idHash(`stream:${a.id}`) - idHash(`stream:${b.id}`) || a.id.localeCompare(b.id));
}

export function isDevCheck(id: string): boolean {
  return idHash(id) % DEV_CHECK_ONE_IN === 0;
}
