import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Channel, type ResponseSource, Topics } from '@nps/contracts';
import { anEventRecord, type EventRecord } from '@nps/testing';
import type { CustomerFactsRow } from '../src/customers/customer-facts';

/** A response as the tests generate it: the original answer, its revisions and its tags. */
export interface ResponseSpec {
  responseId: string;
  customerId: string;
  score: number;
  answeredAt: Date;
  touchpointType: string;
  channel: Channel;
  language: string;
  comment: string;
  revisions: { revision: number; score: number }[];
  tags: string[];
  /** ResponseReceived's source, follow_up_requested and recovery_of_response_id, when a test sets them. */
  origin?: { source?: ResponseSource; followUpRequested?: boolean; recoveryOfResponseId?: string };
}

/** A plain answer (emailed after a delivery, in English, no comment, never revised or tagged) with `spec` applied. */
export function aResponseSpec(
  spec: Pick<ResponseSpec, 'responseId' | 'customerId' | 'score'> & Partial<ResponseSpec>,
): ResponseSpec {
  return {
    answeredAt: new Date('2025-03-10T12:00:00Z'),
    touchpointType: 'order-delivered',
    channel: Channel.EMAIL,
    language: 'en',
    comment: '',
    revisions: [],
    tags: [],
    ...spec,
  };
}

/** A customer's facts as the test publishes them: the same shape scoring keeps. */
export type CustomerSpec = CustomerFactsRow;

export function answerOf(spec: ResponseSpec): EventRecord {
  return anEventRecord(Topics.ResponseReceived, {
    ...spec.origin,
    customerId: spec.customerId,
    responseId: spec.responseId,
    score: spec.score,
    comment: spec.comment,
    touchpointId: `tp-${spec.responseId}`,
    touchpointType: spec.touchpointType,
    channel: spec.channel,
    language: spec.language,
    answeredAt: timestampFromDate(spec.answeredAt),
    occurredAt: timestampFromDate(spec.answeredAt),
  });
}

export function revisionOf(spec: ResponseSpec, index: number): EventRecord {
  const { revision, score } = spec.revisions[index];
  const revisedAt = new Date(spec.answeredAt.getTime() + revision * 60_000);
  return anEventRecord(Topics.ResponseRevised, {
    customerId: spec.customerId,
    responseId: spec.responseId,
    revision,
    score,
    previousScore: index === 0 ? spec.score : spec.revisions[index - 1].score,
    comment: `${spec.comment} (revised ${revision})`,
    revisedAt: timestampFromDate(revisedAt),
    occurredAt: timestampFromDate(revisedAt),
  });
}

export function tagsOf(spec: ResponseSpec): EventRecord {
  return anEventRecord(Topics.ResponseTagged, {
    customerId: spec.customerId,
    responseId: spec.responseId,
    revision: 0,
    tags: spec.tags.map((tagId) => ({ tagId, confidence: 0.9 })),
    occurredAt: timestampFromDate(spec.answeredAt),
  });
}

export function customerOf(spec: CustomerSpec): EventRecord {
  return anEventRecord(Topics.CustomerUpserted, {
    customerId: spec.customerId,
    name: spec.customerId,
    language: spec.language,
    segment: spec.segment,
    region: spec.region,
    tier: spec.tier,
    accountOwnerId: spec.accountOwnerId,
    accountId: spec.accountId,
    occurredAt: timestampFromDate(spec.factsAt),
  });
}

/** The score that counts: the highest revision's, else the original's. */
export function finalScore(spec: ResponseSpec): number {
  const last = [...spec.revisions].sort((a, b) => b.revision - a.revision)[0];
  return last?.score ?? spec.score;
}

export interface Recount {
  promoters: number;
  passives: number;
  detractors: number;
}

/** Counts from scratch, per key, straight from the generated truth. */
export function recount(responses: ResponseSpec[], keyOf: (spec: ResponseSpec) => string): Map<string, Recount> {
  const counts = new Map<string, Recount>();
  for (const spec of responses) {
    const key = keyOf(spec);
    const entry = counts.get(key) ?? { promoters: 0, passives: 0, detractors: 0 };
    const score = finalScore(spec);
    if (score >= 9) entry.promoters++;
    else if (score >= 7) entry.passives++;
    else entry.detractors++;
    counts.set(key, entry);
  }
  return counts;
}
