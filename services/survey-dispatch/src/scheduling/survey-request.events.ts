import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { SurveyFailureReason, Topics } from '@nps/contracts';
import type { SurveyRequestRecord } from '../survey-requests/survey-request.record';

type Shape<K extends keyof typeof Topics> = MessageInitShape<(typeof Topics)[K]['schema']>;

/** The fields every survey event shares; none of them is contact data. */
function about(request: SurveyRequestRecord, occurredAt: Date) {
  return {
    occurredAt: timestampFromDate(occurredAt),
    customerId: request.customerId,
    surveyRequestId: request.id,
    touchpointId: request.touchpointId,
    touchpointType: request.touchpointType,
    channel: request.channel,
    language: request.language,
  };
}

export function surveyDispatched(request: SurveyRequestRecord, now: Date): Shape<'SurveyDispatched'> {
  return {
    ...about(request, now),
    expiresAt: request.expiresAt ? timestampFromDate(request.expiresAt) : undefined,
    recoveryOfResponseId: request.recoveryOfResponseId ?? '',
  };
}

export function surveyReminded(request: SurveyRequestRecord, now: Date): Shape<'SurveyReminded'> {
  return { ...about(request, now), reminderNumber: 1 };
}

export function surveyExpired(request: SurveyRequestRecord): Shape<'SurveyExpired'> {
  return about(request, request.expiresAt ?? new Date());
}

export function surveyFailed(
  request: SurveyRequestRecord,
  reason: SurveyFailureReason,
  now: Date,
): Shape<'SurveyFailed'> {
  return { ...about(request, now), reason, detail: request.lastError ?? '', attempts: request.attempts };
}
