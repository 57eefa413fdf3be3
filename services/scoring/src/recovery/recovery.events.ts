import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { FollowUpGroup, type RecoveryMeasured, RecoveryMeasuredSchema } from '@nps/contracts';
import type { Measurement } from './recovery.repository';

const GROUPS = { 'followed-up': FollowUpGroup.FOLLOWED_UP, holdout: FollowUpGroup.HOLDOUT } as const;

/** `recovery measured` for a detractor response whose re-survey was answered. */
export function recoveryMeasured(measurement: Measurement): RecoveryMeasured {
  return create(RecoveryMeasuredSchema, {
    occurredAt: timestampFromDate(measurement.measuredAt),
    customerId: measurement.customerId,
    responseId: measurement.responseId,
    recoveryResponseId: measurement.recoveryResponseId,
    firstScore: measurement.firstScore,
    recoveryScore: measurement.recoveryScore,
    group: GROUPS[measurement.group],
    caseId: measurement.caseId,
    teamId: measurement.teamId,
    answeredAt: timestampFromDate(measurement.answeredAt),
  });
}
