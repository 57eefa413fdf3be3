import { categoryOf, type NpsCategoryName } from '@nps/contracts';

/** What the detractor topic last heard about a response. */
export type DetractorStatus = 'none' | 'identified' | 'withdrawn';

/** The projection of one response: its newest revision and the dimensions it is counted under. */
export interface ResponseState {
  responseId: string;
  customerId: string;
  /** Whether the original answer arrived: only then are the dimensions known and the response counted. */
  received: boolean;
  /** Newest revision applied; −1 while none (only tags arrived). */
  revision: number;
  score: number | null;
  category: NpsCategoryName | null;
  /** As the events carry it: a ciphertext scoring copies on without a key (docs/adr/0037). */
  comment: string;
  /** The PII-masked comment, a ciphertext as well; '' for events from before it existed. */
  maskedComment: string;
  /** When the original answer was given: the response is counted on this day. */
  answeredAt: Date | null;
  /** When the score of `revision` was given (answer or revision time). */
  scoredAt: Date | null;
  touchpointId: string;
  touchpointType: string;
  channel: string;
  language: string;
  detractorStatus: DetractorStatus;
  /** How the original answer came in; kept so that revisions carry it on to case-management. */
  origin: AnswerOrigin;
}

/** ResponseReceived's source (the enum number), follow-up request and recovery link. */
export interface AnswerOrigin {
  source: number;
  followUpRequested: boolean;
  recoveryOfResponseId: string;
}

const NO_ORIGIN: AnswerOrigin = { source: 0, followUpRequested: false, recoveryOfResponseId: '' };

export interface OriginalAnswer {
  customerId: string;
  score: number;
  comment: string;
  maskedComment: string;
  answeredAt: Date;
  touchpointId: string;
  touchpointType: string;
  channel: string;
  language: string;
  origin?: AnswerOrigin;
}

export interface Revision {
  customerId: string;
  revision: number;
  score: number;
  comment: string;
  maskedComment: string;
  revisedAt: Date;
}

/** What applying an event means: the new state, and what to publish about it. */
export interface Decision {
  state: ResponseState;
  /** False when the event changes nothing (an older revision, a second original). */
  changed: boolean;
  /** Publish `response scored` for the state's revision. */
  scored: boolean;
  /** Publish `detractor identified`: a detractor, or a withdrawal of an earlier one. */
  detractor: 'identified' | 'withdrawn' | null;
}

export function emptyResponse(responseId: string, customerId: string): ResponseState {
  return {
    responseId,
    customerId,
    received: false,
    revision: -1,
    score: null,
    category: null,
    comment: '',
    maskedComment: '',
    answeredAt: null,
    scoredAt: null,
    touchpointId: '',
    touchpointType: '',
    channel: '',
    language: '',
    detractorStatus: 'none',
    origin: NO_ORIGIN,
  };
}

/**
 * Applies the original answer. When a revision came first it keeps the revision's score and
 * only adds what the original alone knows (when, where, through which channel); either way
 * the response becomes visible now, so its current revision is published.
 */
export function receiveAnswer(current: ResponseState, answer: OriginalAnswer): Decision {
  if (current.received) return unchanged(current);
  const hasRevision = current.revision >= 0;
  const state: ResponseState = {
    ...current,
    customerId: answer.customerId,
    received: true,
    revision: hasRevision ? current.revision : 0,
    score: hasRevision ? current.score : answer.score,
    category: hasRevision ? current.category : categoryOf(answer.score),
    comment: hasRevision ? current.comment : answer.comment,
    maskedComment: hasRevision ? current.maskedComment : answer.maskedComment,
    answeredAt: answer.answeredAt,
    scoredAt: hasRevision ? current.scoredAt : answer.answeredAt,
    touchpointId: answer.touchpointId,
    touchpointType: answer.touchpointType,
    channel: answer.channel,
    language: answer.language,
    origin: answer.origin ?? NO_ORIGIN,
  };
  return published(state);
}

/**
 * Applies a revision newer than any applied; an older or equal one changes nothing. Before
 * the original answer arrives a revision is only kept: nothing is counted or published.
 */
export function applyRevision(current: ResponseState, revision: Revision): Decision {
  if (!Number.isInteger(revision.revision) || revision.revision < 1)
    throw new RangeError(`a revision number is 1 or more, not ${revision.revision}`);
  if (revision.revision <= current.revision) return unchanged(current);
  const state: ResponseState = {
    ...current,
    customerId: revision.customerId,
    revision: revision.revision,
    score: revision.score,
    category: categoryOf(revision.score),
    comment: revision.comment,
    maskedComment: revision.maskedComment,
    scoredAt: revision.revisedAt,
  };
  if (!state.received) return { state, changed: true, scored: false, detractor: null };
  return published(state);
}

function published(state: ResponseState): Decision {
  if (state.category === 'detractor')
    return { state: { ...state, detractorStatus: 'identified' }, changed: true, scored: true, detractor: 'identified' };
  if (state.detractorStatus === 'identified')
    return { state: { ...state, detractorStatus: 'withdrawn' }, changed: true, scored: true, detractor: 'withdrawn' };
  return { state, changed: true, scored: true, detractor: null };
}

function unchanged(state: ResponseState): Decision {
  return { state, changed: false, scored: false, detractor: null };
}
