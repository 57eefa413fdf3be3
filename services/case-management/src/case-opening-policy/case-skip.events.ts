import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Topics } from '@nps/contracts';
import type { CaseSkip } from './case-skip.repository';

type CaseSkippedInit = MessageInitShape<typeof Topics.CaseSkipped.schema>;

/** `case skipped` for a recorded skip: ids, score and reason only, never the comment. */
export function caseSkipped(skip: Omit<CaseSkip, 'id' | 'skippedAt'>, reason: number, at: Date): CaseSkippedInit {
  return {
    occurredAt: timestampFromDate(at),
    customerId: skip.customerId,
    responseId: skip.responseId,
    reason,
    detail: skip.detail,
    policyVersion: skip.policyVersion,
    teamId: skip.teamId,
    score: skip.score,
    answeredAt: skip.answeredAt ? timestampFromDate(skip.answeredAt) : undefined,
    touchpointType: skip.touchpointType,
  };
}
