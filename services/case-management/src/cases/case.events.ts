import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  CaseAssignmentReason,
  CaseCloseReason,
  CaseEscalationReason,
  CaseOutcome,
  CaseReopenReason,
  CaseUpdateKind,
  Topics,
} from '@nps/contracts';
import { toContractPriority } from '../sla/priority';
import type { CaseRecord, Outcome } from './case.record';

type Init<K extends keyof typeof Topics> = MessageInitShape<(typeof Topics)[K]['schema']>;

/** The contract messages of case changes: ids, tags and scores only, never contact details. */
export class CaseEvents {
  static opened(c: CaseRecord): Init<'CaseOpened'> {
    return {
      ...ids(c),
      teamId: c.teamId,
      ownerId: c.ownerId ?? '',
      priority: toContractPriority(c.priority),
      firstContactDueAt: timestampFromDate(c.firstContactDueAt),
      resolutionDueAt: timestampFromDate(c.resolutionDueAt),
      ruleId: c.ruleId ?? '',
      tagIds: c.tagIds,
      score: c.score,
    };
  }

  static assigned(
    c: CaseRecord,
    previous: { teamId: string; ownerId: string },
    reason: CaseAssignmentReason,
    actorId: string,
  ): Init<'CaseAssigned'> {
    return {
      ...ids(c),
      teamId: c.teamId,
      ownerId: c.ownerId ?? '',
      previousTeamId: previous.teamId,
      previousOwnerId: previous.ownerId,
      reason,
      ruleId: c.ruleId ?? '',
      actorId,
    };
  }

  static updated(c: CaseRecord, kind: CaseUpdateKind, note: string, actorId: string): Init<'CaseUpdated'> {
    return {
      ...ids(c),
      kind,
      note,
      tagIds: c.tagIds,
      priority: toContractPriority(c.priority),
      firstContactDueAt: timestampFromDate(c.firstContactDueAt),
      resolutionDueAt: timestampFromDate(c.resolutionDueAt),
      score: c.score,
      actorId,
    };
  }

  static escalated(
    c: CaseRecord,
    escalation: { level: number; reason: CaseEscalationReason; targetOwnerId: string; breachedDueAt: Date },
  ): Init<'CaseEscalated'> {
    return {
      ...ids(c),
      level: escalation.level,
      reason: escalation.reason,
      targetOwnerId: escalation.targetOwnerId,
      targetTeamId: c.teamId,
      breachedDueAt: timestampFromDate(escalation.breachedDueAt),
      actorId: '',
    };
  }

  static resolved(c: CaseRecord, note: string, actorId: string): Init<'CaseResolved'> {
    return { ...ids(c), rootCauseTagId: c.rootCauseTagId ?? '', outcome: contractOutcome(c.outcome), note, actorId };
  }

  static closed(c: CaseRecord, note: string, actorId: string): Init<'CaseClosed'> {
    return {
      ...ids(c),
      reason: CaseCloseReason.RESOLVED,
      outcome: contractOutcome(c.outcome),
      rootCauseTagId: c.rootCauseTagId ?? '',
      note,
      actorId,
    };
  }

  static reopened(c: CaseRecord, note: string, actorId: string): Init<'CaseReopened'> {
    return {
      ...ids(c),
      reason: CaseReopenReason.MANUAL,
      teamId: c.teamId,
      ownerId: c.ownerId ?? '',
      resolutionDueAt: timestampFromDate(c.resolutionDueAt),
      note,
      actorId,
    };
  }
}

/** The assignment reason of the contract for how the router chose. */
export function assignmentReasonOf(reason: string, ruleId: string | null): CaseAssignmentReason {
  if (reason === 'account_owner') return CaseAssignmentReason.ACCOUNT_OWNER;
  if (reason === 'manual') return CaseAssignmentReason.MANUAL;
  if (reason === 'escalation') return CaseAssignmentReason.ESCALATION;
  return ruleId ? CaseAssignmentReason.ROUTING_RULE : CaseAssignmentReason.UNSPECIFIED;
}

function ids(c: CaseRecord) {
  return {
    eventId: '',
    occurredAt: timestampFromDate(new Date()),
    caseId: c.id,
    responseId: c.responseId,
    customerId: c.customerId,
  };
}

function contractOutcome(outcome: Outcome | null): CaseOutcome {
  if (outcome === 'recovered') return CaseOutcome.RECOVERED;
  if (outcome === 'not_recovered') return CaseOutcome.NOT_RECOVERED;
  if (outcome === 'no_contact_possible') return CaseOutcome.NO_CONTACT_POSSIBLE;
  return CaseOutcome.UNSPECIFIED;
}
