import { trainModel } from '../model/model.trainer';
import { CommentTagger } from '../tagging/comment.tagger';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import { loadLabelled } from './labelled.dataset';
import { devCheckSet, measureHoldout } from './shipped-model.evaluation';
import { CURVE_SHARES, devTrainStream } from './training.corpus';

export interface LabelledDataPoint {
  trainComments: number;
  blindTagIds: number;
  blindTagsWithPolarity: number;
}

/**
 * How much fully labelled data buys: the shipped model's recipe trained on the project's comments plus
 * growing shares of dev-train (a fixed pseudo-random order across all development sets), thresholds
 * always chosen on the same calibration set, each model scored on the blind set (aggregates only).
 */
export function labelledDataCurve(tags: readonly TaxonomyTag[]): LabelledDataPoint[] {
  const own = loadLabelled();
  const stream = devTrainStream();
  const calibration = [...own, ...devCheckSet()].filter((comment) => comment.split === 'dev');
  return CURVE_SHARES.map((share) => {
    const train = [
      ...own.filter((comment) => comment.split === 'train'),
      ...stream.slice(0, Math.round(share * stream.length)),
    ];
    const blind = measureHoldout(new CommentTagger(tags, trainModel(train, [], tags, calibration)));
    return {
      trainComments: train.length,
      blindTagIds: blind.tagIds.f1,
      blindTagsWithPolarity: blind.tagsWithPolarity.f1,
    };
  });
}
