import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { TagPolarity, Topics } from '@nps/contracts';
import { modelVersionLabel } from '../model/model.labels';
import { taxonomyVersionLabel } from '../taxonomy/taxonomy.types';
import type { TaggingResult } from './tagging.result';

export type ResponseTaggedInit = MessageInitShape<typeof Topics.ResponseTagged.schema>;

export interface TaggedResponse {
  customerId: string;
  responseId: string;
  revision: number;
}

/** The `response tagged` event of one tagging result. */
export function responseTaggedEvent(
  response: TaggedResponse,
  result: TaggingResult,
  versions: { taxonomy: number; model: number },
): ResponseTaggedInit {
  return {
    occurredAt: timestampNow(),
    customerId: response.customerId,
    responseId: response.responseId,
    revision: response.revision,
    language: result.language,
    languageConfidence: result.languageConfidence,
    sentiment: result.sentiment,
    tags: result.tags.map((tag) => ({
      tagId: tag.tagId,
      polarity: tag.polarity === 'positive' ? TagPolarity.POSITIVE : TagPolarity.NEGATIVE,
      confidence: tag.confidence,
      span: tag.span,
    })),
    taxonomyVersion: taxonomyVersionLabel(versions.taxonomy),
    modelVersion: modelVersionLabel(versions.model),
  };
}
