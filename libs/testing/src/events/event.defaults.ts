import { randomUUID } from 'node:crypto';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  CaseAssignmentReason,
  CaseCloseReason,
  CaseEscalationReason,
  CaseOutcome,
  CasePriority,
  CaseReopenReason,
  CaseSkipReason,
  CaseUpdateKind,
  Channel,
  FollowUpGroup,
  NpsCategory,
  OptOutSource,
  PromoterAction,
  PromoterDelivery,
  ResponseSource,
  ROOT_CAUSE_TAXONOMY_ID,
  SurveyFailureReason,
  type TopicKey,
  Topics,
} from '@nps/contracts';

type Init<K extends TopicKey> = MessageInitShape<(typeof Topics)[K]['schema']>;

/** The defaults of one event of every topic: valid on its own, so a test names only what it is about. */
export type EventDefaults = { [K in TopicKey]: () => Init<K> };

const short = () => randomUUID().slice(0, 8);
const now = () => timestampFromDate(new Date());
const customer = () => `customer-${short()}`;

const survey = () => ({
  customerId: customer(),
  surveyRequestId: `sr-${short()}`,
  touchpointId: `order-${short()}`,
  touchpointType: 'order-delivered',
  channel: Channel.EMAIL,
  language: 'en',
});

const caseIds = () => ({ caseId: randomUUID(), responseId: randomUUID(), customerId: customer() });

export const EVENT_DEFAULTS: EventDefaults = {
  TouchpointRecorded: () => ({
    customerId: customer(),
    touchpointId: `order-${short()}`,
    type: 'order-delivered',
    channel: Channel.WEB,
    attributes: {},
  }),
  CustomerUpserted: () => ({
    customerId: customer(),
    name: 'Test Customer',
    language: 'en',
    segment: 'consumer',
    region: 'benelux',
    tier: 'standard',
  }),
  CustomerErased: () => ({ customerId: customer() }),
  ContactOptedOut: () => ({
    customerId: customer(),
    channel: Channel.UNSPECIFIED,
    source: OptOutSource.ONE_CLICK,
    surveyRequestId: randomUUID(),
  }),
  SurveyDispatched: () => ({ ...survey(), expiresAt: timestampFromDate(new Date(Date.now() + 14 * 24 * 3600_000)) }),
  SurveyReminded: () => ({ ...survey(), reminderNumber: 1 }),
  SurveyExpired: survey,
  SurveyFailed: () => ({
    ...survey(),
    reason: SurveyFailureReason.PROVIDER_UNAVAILABLE,
    detail: 'HTTP 503',
    attempts: 3,
  }),
  ResponseReceived: () => ({
    customerId: customer(),
    responseId: randomUUID(),
    touchpointId: `order-${short()}`,
    touchpointType: 'order-delivered',
    score: 9,
    comment: '',
    channel: Channel.EMAIL,
    language: 'en',
    answeredAt: now(),
    source: ResponseSource.SURVEY_PAGE,
  }),
  ResponseRevised: () => ({
    customerId: customer(),
    responseId: randomUUID(),
    revision: 1,
    score: 4,
    previousScore: 3,
    comment: '',
    revisedAt: now(),
  }),
  ResponseScored: () => ({
    customerId: customer(),
    responseId: randomUUID(),
    score: 9,
    category: NpsCategory.PROMOTER,
    answeredAt: now(),
  }),
  DetractorIdentified: () => ({
    customerId: customer(),
    responseId: randomUUID(),
    revision: 0,
    withdrawn: false,
    score: 2,
    comment: '',
    answeredAt: now(),
    touchpointId: `order-${short()}`,
    touchpointType: 'order-delivered',
    channel: Channel.EMAIL,
    customer: { language: 'nl', segment: 'consumer', region: 'benelux', tier: 'standard', accountOwnerId: '' },
  }),
  ResponseTagged: () => ({ customerId: customer(), responseId: randomUUID(), revision: 0, language: 'en', tags: [] }),
  CaseOpened: () => ({ ...caseIds(), teamId: 'customer-care', priority: CasePriority.NORMAL, score: 2 }),
  CaseAssigned: () => ({
    ...caseIds(),
    teamId: 'customer-care',
    ownerId: 'agent-1',
    reason: CaseAssignmentReason.ROUTING_RULE,
  }),
  CaseUpdated: () => ({ ...caseIds(), kind: CaseUpdateKind.NOTE_ADDED, note: 'called the customer' }),
  CaseEscalated: () => ({
    ...caseIds(),
    level: 1,
    reason: CaseEscalationReason.FIRST_CONTACT_OVERDUE,
    targetOwnerId: 'lead-1',
  }),
  CaseResolved: () => ({ ...caseIds(), rootCauseTagId: 'delivery', outcome: CaseOutcome.RECOVERED }),
  CaseClosed: () => ({ ...caseIds(), reason: CaseCloseReason.RESOLVED, outcome: CaseOutcome.RECOVERED }),
  CaseReopened: () => ({ ...caseIds(), reason: CaseReopenReason.CUSTOMER_FOLLOW_UP }),
  CaseSkipped: () => ({
    customerId: customer(),
    responseId: randomUUID(),
    reason: CaseSkipReason.ANSWER_TOO_OLD,
    detail: 'answer older than 14 days',
    policyVersion: 1,
    score: 2,
    answeredAt: now(),
    touchpointType: 'order-delivered',
  }),
  RecoveryMeasured: () => ({
    customerId: customer(),
    responseId: randomUUID(),
    recoveryResponseId: randomUUID(),
    firstScore: 3,
    recoveryScore: 8,
    group: FollowUpGroup.FOLLOWED_UP,
    caseId: randomUUID(),
    teamId: 'customer-care',
    answeredAt: now(),
  }),
  PromoterFollowedUp: () => ({
    customerId: customer(),
    responseId: randomUUID(),
    action: PromoterAction.THANK_YOU,
    delivery: PromoterDelivery.EMAIL,
    score: 10,
    target: 'promoter-thank-you',
  }),
  ImprovementActionOpened: () => ({
    improvementActionId: randomUUID(),
    title: 'Fix late deliveries',
    rootCauseTagId: 'delivery',
    touchpointType: 'order-delivered',
    ownerId: 'lead-1',
    actorId: 'lead-1',
  }),
  ImprovementActionReleased: () => ({ improvementActionId: randomUUID(), releasedAt: now(), actorId: 'lead-1' }),
  ImprovementActionClosed: () => ({ improvementActionId: randomUUID(), note: 'carrier changed', actorId: 'lead-1' }),
  AccountAtRisk: () => ({
    accountId: `account-${short()}`,
    accountOwnerId: 'agent-1',
    detractorCount: 3,
    windowDays: 30,
    caseIds: [randomUUID()],
  }),
  TaxonomyPublished: () => ({
    taxonomyId: ROOT_CAUSE_TAXONOMY_ID,
    version: 1,
    versionLabel: 'taxonomy-1',
    change: 'initial taxonomy',
    tags: [{ tagId: 'delivery', name: 'Delivery and shipping' }],
  }),
};
