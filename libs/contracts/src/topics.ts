import type { Message } from '@bufbuild/protobuf';
import type { GenMessage } from '@bufbuild/protobuf/codegenv2';
import type { Timestamp } from '@bufbuild/protobuf/wkt';
import * as M from './messages';
import type { EventTopic, KeyRule, TopicSpec } from './topic.spec-type';

const DAY = 24 * 60 * 60 * 1000;
const EVENT_RETENTION = 30 * DAY;
const PARTITIONS = 6;

/**
 * Prefix of every CloudEvents `dataschema`; the rest is the full protobuf message name, which is
 * what `buf convert --type` takes. Stable for the life of a package version (docs/contracts.md).
 */
export const DATA_SCHEMA_PREFIX = 'urn:nps:proto:';

/** What every event message has; a schema without these fields does not compile as a topic. */
type EventFields<K extends KeyRule> = Message & { eventId: string; occurredAt?: Timestamp } & Record<K, string>;

function eventTopic<K extends KeyRule, T extends EventFields<K>>(
  name: string,
  key: K,
  schema: GenMessage<T>,
  description: string,
  storage: Pick<TopicSpec, 'cleanupPolicy' | 'retentionMs'> = { cleanupPolicy: 'delete', retentionMs: EVENT_RETENTION },
): EventTopic<GenMessage<T>> {
  return {
    name,
    partitions: PARTITIONS,
    key,
    ...storage,
    description,
    schema,
    eventType: name,
    dataSchema: `${DATA_SCHEMA_PREFIX}${schema.typeName}`,
  };
}

/**
 * One record per key is the whole history of such a topic (an improvement action is opened,
 * released and closed once), so compaction keeps it for replays without growing without bound.
 */
const KEPT_PER_KEY: Pick<TopicSpec, 'cleanupPolicy' | 'retentionMs'> = { cleanupPolicy: 'compact', retentionMs: -1 };

/**
 * Every topic of the platform and the one message type it carries: the single declaration the
 * services create topics from, encode and decode with, and docs/asyncapi.yaml is generated from.
 * Names follow `nps.<entity>.<event>.v<N>`; dead letters add `.dlq`.
 */
export const Topics = {
  TouchpointRecorded: eventTopic(
    'nps.touchpoint.recorded.v1',
    'customerId',
    M.TouchpointRecordedSchema,
    'A customer finished a touchpoint (published by outside systems).',
  ),
  CustomerUpserted: eventTopic(
    'nps.customer.upserted.v1',
    'customerId',
    M.CustomerUpsertedSchema,
    'Latest customer facts (no contact PII), compacted per customer; an erased customer gets a tombstone.',
    KEPT_PER_KEY,
  ),
  CustomerErased: eventTopic(
    'nps.customer.erased.v1',
    'customerId',
    M.CustomerErasedSchema,
    'A customer was erased: their data key is gone, and every service blanks their personal data.',
    KEPT_PER_KEY,
  ),
  ContactOptedOut: eventTopic(
    'nps.contact.opted-out.v1',
    'customerId',
    M.ContactOptedOutSchema,
    'A customer opted out of surveys themselves: one-click unsubscribe, the unsubscribe page or an SMS stop keyword.',
    KEPT_PER_KEY,
  ),
  SurveyDispatched: eventTopic(
    'nps.survey.dispatched.v1',
    'customerId',
    M.SurveyDispatchedSchema,
    'A survey was sent to a customer.',
  ),
  SurveyReminded: eventTopic(
    'nps.survey.reminded.v1',
    'customerId',
    M.SurveyRemindedSchema,
    'A reminder was sent for an unanswered survey.',
  ),
  SurveyExpired: eventTopic(
    'nps.survey.expired.v1',
    'customerId',
    M.SurveyExpiredSchema,
    'A survey expired without an answer.',
  ),
  SurveyFailed: eventTopic(
    'nps.survey.failed.v1',
    'customerId',
    M.SurveyFailedSchema,
    'A survey could not be delivered.',
  ),
  ResponseReceived: eventTopic(
    'nps.response.received.v1',
    'customerId',
    M.ResponseReceivedSchema,
    'A customer answered a survey.',
  ),
  ResponseRevised: eventTopic(
    'nps.response.revised.v1',
    'customerId',
    M.ResponseRevisedSchema,
    'A customer changed their score or added a comment.',
  ),
  ResponseScored: eventTopic(
    'nps.response.scored.v1',
    'customerId',
    M.ResponseScoredSchema,
    'An answer was classified promoter, passive or detractor.',
  ),
  DetractorIdentified: eventTopic(
    'nps.detractor.identified.v1',
    'customerId',
    M.DetractorIdentifiedSchema,
    'A detractor answer that needs a follow-up case.',
  ),
  ResponseTagged: eventTopic(
    'nps.response.tagged.v1',
    'customerId',
    M.ResponseTaggedSchema,
    'Root-cause tags, language and sentiment of a comment.',
  ),
  CaseOpened: eventTopic(
    'nps.case.opened.v1',
    'caseId',
    M.CaseOpenedSchema,
    'A follow-up case was opened for a detractor.',
  ),
  CaseAssigned: eventTopic('nps.case.assigned.v1', 'caseId', M.CaseAssignedSchema, 'A case was assigned to an owner.'),
  CaseUpdated: eventTopic(
    'nps.case.updated.v1',
    'caseId',
    M.CaseUpdatedSchema,
    'A case changed (note, contact, enrichment).',
  ),
  CaseEscalated: eventTopic(
    'nps.case.escalated.v1',
    'caseId',
    M.CaseEscalatedSchema,
    'A case breached its SLA and was escalated.',
  ),
  CaseResolved: eventTopic(
    'nps.case.resolved.v1',
    'caseId',
    M.CaseResolvedSchema,
    'A case was resolved with a confirmed root cause.',
  ),
  CaseClosed: eventTopic('nps.case.closed.v1', 'caseId', M.CaseClosedSchema, 'A case was closed.'),
  CaseReopened: eventTopic('nps.case.reopened.v1', 'caseId', M.CaseReopenedSchema, 'A closed case was reopened.'),
  CaseSkipped: eventTopic(
    'nps.case.skipped.v1',
    'customerId',
    M.CaseSkippedSchema,
    'A detractor answer opened no case, with the reason (case-opening policy or holdout).',
  ),
  RecoveryMeasured: eventTopic(
    'nps.recovery.measured.v1',
    'customerId',
    M.RecoveryMeasuredSchema,
    'A detractor answered the recovery re-survey: first score, new score, followed-up or holdout.',
  ),
  PromoterFollowedUp: eventTopic(
    'nps.promoter.followed-up.v1',
    'customerId',
    M.PromoterFollowedUpSchema,
    'A promoter got the configured thank-you, referral or review action.',
  ),
  ImprovementActionOpened: eventTopic(
    'nps.improvement-action.opened.v1',
    'improvementActionId',
    M.ImprovementActionOpenedSchema,
    'A systemic improvement was opened for a root cause.',
    KEPT_PER_KEY,
  ),
  ImprovementActionReleased: eventTopic(
    'nps.improvement-action.released.v1',
    'improvementActionId',
    M.ImprovementActionReleasedSchema,
    "An improvement action's fix went live; NPS before and after it is compared.",
    KEPT_PER_KEY,
  ),
  ImprovementActionClosed: eventTopic(
    'nps.improvement-action.closed.v1',
    'improvementActionId',
    M.ImprovementActionClosedSchema,
    'An improvement action was closed.',
    KEPT_PER_KEY,
  ),
  AccountAtRisk: eventTopic(
    'nps.account.at-risk.v1',
    'accountId',
    M.AccountAtRiskSchema,
    'Several detractors from one customer organisation within a window.',
  ),
  TaxonomyPublished: eventTopic(
    'nps.taxonomy.published.v1',
    'taxonomyId',
    M.TaxonomyPublishedSchema,
    'The current version of the root-cause taxonomy, compacted per taxonomy.',
    {
      cleanupPolicy: 'compact',
      retentionMs: -1,
    },
  ),
} as const satisfies Record<string, EventTopic>;

export type TopicKey = keyof typeof Topics;

export const ALL_TOPICS: readonly EventTopic[] = Object.values(Topics);

/** The dead-letter topic that belongs to `topic`; it keeps whatever bytes failed, so it has no schema. */
export function deadLetterTopicOf(topic: TopicSpec): TopicSpec {
  return {
    name: `${topic.name}.dlq`,
    partitions: 1,
    key: topic.key,
    cleanupPolicy: 'delete',
    retentionMs: 90 * DAY,
    description: `Messages of ${topic.name} that could not be processed, with the reason in headers.`,
  };
}
