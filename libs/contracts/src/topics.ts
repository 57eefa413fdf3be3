import type { TopicSpec } from './topic.spec-type';

const DAY = 24 * 60 * 60 * 1000;
const EVENT_RETENTION = 30 * DAY;
const PARTITIONS = 6;

function eventTopic(name: string, key: TopicSpec['key'], description: string): TopicSpec {
  return { name, partitions: PARTITIONS, key, cleanupPolicy: 'delete', retentionMs: EVENT_RETENTION, description };
}

/**
 * Every topic of the platform: the single declaration the services create topics from.
 * Names follow `nps.<entity>.<event>.v<N>`; dead letters add `.dlq`.
 */
export const Topics = {
  TouchpointRecorded: eventTopic('nps.touchpoint.recorded.v1', 'customerId', 'A customer finished a touchpoint (published by outside systems).'),
  CustomerUpserted: {
    name: 'nps.customer.upserted.v1',
    partitions: PARTITIONS,
    key: 'customerId',
    cleanupPolicy: 'compact',
    retentionMs: -1,
    description: 'Latest customer facts (no contact PII), compacted per customer.',
  },
  SurveyDispatched: eventTopic('nps.survey.dispatched.v1', 'customerId', 'A survey was sent to a customer.'),
  SurveyReminded: eventTopic('nps.survey.reminded.v1', 'customerId', 'A reminder was sent for an unanswered survey.'),
  SurveyExpired: eventTopic('nps.survey.expired.v1', 'customerId', 'A survey expired without an answer.'),
  SurveyFailed: eventTopic('nps.survey.failed.v1', 'customerId', 'A survey could not be delivered.'),
  ResponseReceived: eventTopic('nps.response.received.v1', 'customerId', 'A customer answered a survey.'),
  ResponseRevised: eventTopic('nps.response.revised.v1', 'customerId', 'A customer changed their score or added a comment.'),
  ResponseScored: eventTopic('nps.response.scored.v1', 'customerId', 'An answer was classified promoter, passive or detractor.'),
  DetractorIdentified: eventTopic('nps.detractor.identified.v1', 'customerId', 'A detractor answer that needs a follow-up case.'),
  ResponseTagged: eventTopic('nps.response.tagged.v1', 'customerId', 'Root-cause tags, language and sentiment of a comment.'),
  CaseOpened: eventTopic('nps.case.opened.v1', 'caseId', 'A follow-up case was opened for a detractor.'),
  CaseAssigned: eventTopic('nps.case.assigned.v1', 'caseId', 'A case was assigned to an owner.'),
  CaseUpdated: eventTopic('nps.case.updated.v1', 'caseId', 'A case changed (note, contact, enrichment).'),
  CaseEscalated: eventTopic('nps.case.escalated.v1', 'caseId', 'A case breached its SLA and was escalated.'),
  CaseResolved: eventTopic('nps.case.resolved.v1', 'caseId', 'A case was resolved with a confirmed root cause.'),
  CaseClosed: eventTopic('nps.case.closed.v1', 'caseId', 'A case was closed.'),
  CaseReopened: eventTopic('nps.case.reopened.v1', 'caseId', 'A closed case was reopened.'),
} as const satisfies Record<string, TopicSpec>;

export type TopicKey = keyof typeof Topics;

export const ALL_TOPICS: readonly TopicSpec[] = Object.values(Topics);

/** The dead-letter topic that belongs to `topic`. */
export function deadLetterTopicOf(topic: TopicSpec): TopicSpec {
  return {
    ...topic,
    name: `${topic.name}.dlq`,
    partitions: 1,
    cleanupPolicy: 'delete',
    retentionMs: 90 * DAY,
    description: `Messages of ${topic.name} that could not be processed, with the reason in headers.`,
  };
}
