import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Topics } from '@nps/contracts';
import type { ResponseRecord } from './answer.types';
import { uuidFromName } from './deterministic-id';

type ReceivedInit = MessageInitShape<typeof Topics.ResponseReceived.schema>;
type RevisedInit = MessageInitShape<typeof Topics.ResponseRevised.schema>;

/**
 * `response received` for a stored answer. The event id follows from the response id, so the
 * same answer can never be announced under two ids (imports rerun after a crash rely on it).
 * `origin.followUpRequested`: only a bulk import that asked for it explicitly (docs/response-ingestion.md);
 * `origin.recoveryOfResponseId`: the detractor response a recovery re-survey follows up.
 */
export function responseReceived(
  record: ResponseRecord,
  acceptedAt: Date,
  origin: { followUpRequested?: boolean; recoveryOfResponseId?: string } = {},
): ReceivedInit {
  return {
    eventId: uuidFromName(`response:${record.responseId}:revision:0`),
    occurredAt: timestampFromDate(acceptedAt),
    customerId: record.customerId,
    responseId: record.responseId,
    surveyRequestId: record.surveyRequestId,
    touchpointId: record.touchpointId,
    touchpointType: record.touchpointType,
    score: record.score,
    comment: record.comment,
    channel: record.channel,
    language: record.language,
    answeredAt: timestampFromDate(record.answeredAt),
    source: record.source,
    followUpRequested: origin.followUpRequested ?? false,
    recoveryOfResponseId: origin.recoveryOfResponseId ?? '',
  };
}

export interface Revision {
  responseId: string;
  customerId: string;
  revision: number;
  score: number;
  previousScore: number;
  comment: string;
  revisedAt: Date;
}

export function responseRevised(revision: Revision): RevisedInit {
  return {
    eventId: uuidFromName(`response:${revision.responseId}:revision:${revision.revision}`),
    occurredAt: timestampFromDate(revision.revisedAt),
    customerId: revision.customerId,
    responseId: revision.responseId,
    revision: revision.revision,
    score: revision.score,
    previousScore: revision.previousScore,
    comment: revision.comment,
    revisedAt: timestampFromDate(revision.revisedAt),
  };
}
