import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  Channel,
  channelFromName,
  CustomerFactsSchema,
  type DetractorIdentified,
  DetractorIdentifiedSchema,
  NpsCategory,
  npsCategory,
  type ResponseScored,
  ResponseScoredSchema,
} from '@nps/contracts';
import type { CustomerFactsRow } from '../customers/customer-facts';
import type { ResponseState } from './response.state';

/** `response scored` for the response's current revision. */
export function responseScored(response: ResponseState, now: Date): ResponseScored {
  return create(ResponseScoredSchema, {
    occurredAt: timestampFromDate(now),
    customerId: response.customerId,
    responseId: response.responseId,
    score: response.score ?? 0,
    category: response.category ? npsCategory(response.category) : NpsCategory.UNSPECIFIED,
    revision: response.revision,
    answeredAt: response.scoredAt ? timestampFromDate(response.scoredAt) : undefined,
    ...origin(response),
  });
}

/** `detractor identified` with the customer facts known now (empty when not known yet: see docs/scoring.md). */
export function detractorIdentified(
  response: ResponseState,
  customer: CustomerFactsRow,
  withdrawn: boolean,
  now: Date,
): DetractorIdentified {
  return create(DetractorIdentifiedSchema, {
    occurredAt: timestampFromDate(now),
    customerId: response.customerId,
    responseId: response.responseId,
    revision: response.revision,
    withdrawn,
    score: response.score ?? 0,
    comment: response.comment,
    maskedComment: response.maskedComment,
    answeredAt: response.scoredAt ? timestampFromDate(response.scoredAt) : undefined,
    touchpointId: response.touchpointId,
    touchpointType: response.touchpointType,
    channel: channelFromName(response.channel) ?? Channel.UNSPECIFIED,
    customer: create(CustomerFactsSchema, {
      language: customer.language,
      segment: customer.segment,
      region: customer.region,
      tier: customer.tier,
      accountOwnerId: customer.accountOwnerId,
      accountId: customer.accountId,
    }),
    ...origin(response),
  });
}

function origin({
  origin,
}: ResponseState): Pick<DetractorIdentified, 'source' | 'followUpRequested' | 'recoveryOfResponseId'> {
  return {
    source: origin.source,
    followUpRequested: origin.followUpRequested,
    recoveryOfResponseId: origin.recoveryOfResponseId,
  };
}
