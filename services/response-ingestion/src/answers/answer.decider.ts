import { IngestionErrorCode } from '../errors/ingestion.error';
import type { GivenAnswer } from './answer.types';

/** What this service knows about one survey request when an answer to it arrives. */
export interface SurveyRequestState {
  revokedAt?: Date;
  expiredAt?: Date;
  /** Set once the request has been answered. */
  answered?: { answeredAt: Date; score: number; comment: string; revision: number };
}

export type AnswerDecision =
  | { kind: 'receive'; score: number; comment: string }
  | { kind: 'revise'; revision: number; score: number; previousScore: number; comment: string }
  | { kind: 'unchanged'; revision: number; score: number; comment: string }
  | { kind: 'refuse'; code: IngestionErrorCode };

/**
 * Single use with a grace period: the first answer to a survey request is the response; within
 * `revisionWindowMs` of it the same link may change the score or add a comment (a revision of
 * the same response); after that, or once revoked, the link answers nothing more.
 */
export function decideAnswer(
  state: SurveyRequestState,
  given: GivenAnswer,
  now: Date,
  revisionWindowMs: number,
): AnswerDecision {
  if (state.revokedAt) return { kind: 'refuse', code: IngestionErrorCode.SurveyRevoked };
  const answered = state.answered;
  if (!answered) {
    if (state.expiredAt) return { kind: 'refuse', code: IngestionErrorCode.SurveyExpired };
    return { kind: 'receive', score: given.score, comment: given.comment ?? '' };
  }
  if (now.getTime() - answered.answeredAt.getTime() > revisionWindowMs)
    return { kind: 'refuse', code: IngestionErrorCode.AlreadyAnswered };
  const comment = given.comment ?? answered.comment;
  if (given.score === answered.score && comment === answered.comment) {
    return { kind: 'unchanged', revision: answered.revision, score: answered.score, comment };
  }
  return {
    kind: 'revise',
    revision: answered.revision + 1,
    score: given.score,
    previousScore: answered.score,
    comment,
  };
}
