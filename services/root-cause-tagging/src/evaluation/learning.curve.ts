import { retrain } from '../model/model.promotion';
import type { ConfirmedExample } from '../model/model.trainer';
import { trainModel } from '../model/model.trainer';
import type { TagClassifier } from '../model/tag.classifier';
import { CommentTagger } from '../tagging/comment.tagger';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import { loadLabelled } from './labelled.dataset';
import { devCheckSet, measureHoldout } from './shipped-model.evaluation';
import { idHash, independentSet } from './training.corpus';

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

const SHARES = [0, 0.25, 0.5, 0.75, 1];

/**
 * Issue #20 item 3: root causes confirmed at case closure, simulated by feeding growing slices of the
 * dev-train part of the independent set, one confirmation per labelled tag, through the learning loop
 * (retrain → promote only when not worse) that starts from a model of the project's own comments,
 * with dev-check as the loop's held-out set.
 * After each step the model in use is scored on the blind set (aggregates only).
 */
export function learningCurve(tags: readonly TaxonomyTag[]): CurvePoint[] {
  // The loop's held-out set (thresholds and promotion): the own dev split plus dev-check, as in the service.
  const own = [...loadLabelled(), ...devCheckSet()];
  const stream = independentSet()
    .filter((comment) => comment.split === 'train')
    // A fixed pseudo-random order, so that every slice mixes languages and industries.
    .sort((a, b) => idHash(`stream:${a.id}`) - idHash(`stream:${b.id}`) || a.id.localeCompare(b.id));
  let inUse: TagClassifier = trainModel(
    own.filter((comment) => comment.split === 'train'),
    [],
    tags,
    own.filter((comment) => comment.split === 'dev'),
  );
  const points: CurvePoint[] = [];
  for (const share of SHARES) {
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
      const outcome = retrain({ shipped: own, confirmed, tags, inUse });
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
