import { timestampDate } from '@bufbuild/protobuf/wkt';
import { type CaseResolved, CaseSkipReason, type CaseSkipped } from '@nps/contracts';

export type RecoveryGroup = 'followed-up' | 'holdout';

/** A re-survey to send once its delay has passed, about one detractor response. */
export interface RecoveryRequest {
  responseId: string;
  customerId: string;
  group: RecoveryGroup;
  caseId: string | null;
  dueAt: Date;
  requestedAt: Date;
}

/**
 * When a detractor's recovery is measured: `delayMs` after the case was resolved (followed up) or
 * after it was held out, so both arms wait the same time. Other skip reasons measure nothing.
 */
export function recoveryRequestOf(
  event: { kind: 'resolved'; event: CaseResolved } | { kind: 'skipped'; event: CaseSkipped },
  delayMs: number,
  now: Date,
): RecoveryRequest | null {
  if (!event.event.responseId || !event.event.customerId) return null;
  if (event.kind === 'skipped' && event.event.reason !== CaseSkipReason.HOLDOUT) return null;
  const at = event.event.occurredAt ? timestampDate(event.event.occurredAt) : now;
  return {
    responseId: event.event.responseId,
    customerId: event.event.customerId,
    group: event.kind === 'resolved' ? 'followed-up' : 'holdout',
    caseId: event.kind === 'resolved' ? event.event.caseId : null,
    dueAt: new Date(at.getTime() + delayMs),
    requestedAt: now,
  };
}
