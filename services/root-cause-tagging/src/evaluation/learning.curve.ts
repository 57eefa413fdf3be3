import { retrain } from '../model/model.promotion';
import type { ConfirmedExample } from '../model/model.trainer';
import { trainModel } from '../model/model.trainer';
import type { TagClassifier } from '../model/tag.classifier';
import { CommentTagger } from '../tagging/comment.tagger';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import { loadLabelled } from './labelled.dataset';
import { devCheckSet, measureHoldout } from './shipped-model.evaluation';
import { CURVE_SHARES, devTrainStream } from './training.corpus';

export interface CurvePoint {
  devComments: number;
  confirmations: number;
  promoted: boolean;
  heldOutF1: number;
  inUseHeldOutF1: number;
  candidateBlindTagIds: number;
  blindTagIds: number;
  blindTagsWithPolarity: number;
}

/**
 * Issue #20 item 3: root causes confirmed at case closure, simulated. The model in use starts from the
 * project's own comments and the first half of dev-train, fully labelled, as a shipped corpus does;
 * the second half of dev-train then arrives in growing slices, one confirmation per labelled tag,
 * through the learning loop (retrain → promote only when not worse on the held-out set, ADR 0057: the own dev
 * split plus dev-check, as in the service). After each step the model in use is scored on the blind
 * set (aggregates only).
 */
export function learningCurve(tags: readonly TaxonomyTag[]): CurvePoint[] {
  const devTrain = devTrainStream();
  const half = Math.floor(devTrain.length / 2);
  const stream = devTrain.slice(half);
  // Own comments, dev-check (the loop's held-out set with the own dev split) and the labelled half.
  const shipped = [...loadLabelled(), ...devCheckSet(), ...devTrain.slice(0, half)];
  let inUse: TagClassifier = trainModel(
    shipped.filter((comment) => comment.split === 'train'),
    [],
    tags,
    shipped.filter((comment) => comment.split === 'dev'),
  );
  const points: CurvePoint[] = [];
  for (const share of CURVE_SHARES) {
    const slice = stream.slice(0, Math.round(share * stream.length));
    const confirmed: ConfirmedExample[] = slice.flatMap((comment) =>
      comment.tags.map((tag) => ({
        responseId: `${comment.id}/${tag.id}`,
        language: comment.language,
        text: comment.text,
        tagId: tag.id,
      })),
    );
    let promoted = false;
    let heldOutF1 = Number.NaN;
    let inUseHeldOutF1 = Number.NaN;
    let candidateBlindTagIds = Number.NaN;
    if (confirmed.length > 0) {
      const outcome = retrain({ shipped, confirmed, tags, inUse });
      promoted = outcome.promote;
      heldOutF1 = outcome.candidateF1;
      inUseHeldOutF1 = outcome.inUseF1;
      candidateBlindTagIds = measureHoldout(new CommentTagger(tags, outcome.candidate)).tagIds.f1;
      if (outcome.promote) inUse = outcome.candidate;
    }
    const blind = measureHoldout(new CommentTagger(tags, inUse));
    points.push({
      devComments: slice.length,
      confirmations: confirmed.length,
      promoted,
      heldOutF1,
      inUseHeldOutF1,
      candidateBlindTagIds,
      blindTagIds: blind.tagIds.f1,
      blindTagsWithPolarity: blind.tagsWithPolarity.f1,
    });
  }
  return points;
}
