import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Topics } from '@nps/contracts';
import { maskPii, type PersonalFields } from '@nps/privacy';
import type { ResponseRecord } from './answer.types';
import { uuidFromName } from './deterministic-id';

type ReceivedInit = MessageInitShape<typeof Topics.ResponseReceived.schema>;
type RevisedInit = MessageInitShape<typeof Topics.ResponseRevised.schema>;

/** A comment as the events carry it: encrypted for the customer, beside its PII-masked copy (ADR 0037). */
export interface SealedComment {
  comment: string;
  maskedComment: string;
}

export async function sealComment(fields: PersonalFields, customerId: string, comment: string): Promise<SealedComment> {
  const [sealed, masked] = await Promise.all([
    fields.encrypt(customerId, comment),
    fields.encrypt(customerId, maskPii(comment).text),
  ]);
  return { comment: sealed, maskedComment: masked };
}

/**
 * A comment sealed before the transaction that publishes it opened: the key store reads keys over
 * connections of the service's pool, so a request that held one for its transaction while waiting
 * for another could, with as many requests as connections, starve the pool.
 */
export interface PresealedComment {
  customerId: string;
  comment: string;
  sealed: SealedComment;
}

/** sealComment for a batch (a bulk import), in its order: the customers' keys are looked up once. */
export async function sealComments(
  fields: PersonalFields,
  records: readonly { customerId: string; comment: string }[],
): Promise<SealedComment[]> {
  const texts = records.flatMap(({ customerId, comment }) => [
    { customerId, text: comment },
    { customerId, text: maskPii(comment).text },
  ]);
  const sealed = await fields.encryptMany(texts);
  return records.map((_, i) => ({ comment: sealed[2 * i], maskedComment: sealed[2 * i + 1] }));
}

/**
 * `response received` for a stored answer, its comment encrypted (`sealed`, from sealComment). The event
 * id follows from the response id, so the same answer can never be announced under two ids (imports
 * rerun after a crash rely on it).
 * `origin.followUpRequested`: only a bulk import that asked for it explicitly (docs/response-ingestion.md);
 * `origin.recoveryOfResponseId`: the detractor response a recovery re-survey follows up.
 */
export function responseReceived(
  record: ResponseRecord,
  sealed: SealedComment,
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
    comment: sealed.comment,
    maskedComment: sealed.maskedComment,
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

export function responseRevised(revision: Revision, sealed: SealedComment): RevisedInit {
  return {
    eventId: uuidFromName(`response:${revision.responseId}:revision:${revision.revision}`),
    occurredAt: timestampFromDate(revision.revisedAt),
    customerId: revision.customerId,
    responseId: revision.responseId,
    revision: revision.revision,
    score: revision.score,
    previousScore: revision.previousScore,
    comment: sealed.comment,
    maskedComment: sealed.maskedComment,
    revisedAt: timestampFromDate(revision.revisedAt),
  };
}
