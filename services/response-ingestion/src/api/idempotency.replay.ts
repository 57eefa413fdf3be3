import type { AcceptedAnswer, GivenAnswer } from '../answers/answer.types';
import { IngestionError, IngestionErrorCode } from '../errors/ingestion.error';
import type { StoredOutcome } from './idempotency.repository';

/** What `POST /responses` answers: the outcome, and whether it is the one of an earlier request with the key. */
export interface ApiOutcome {
  answer: AcceptedAnswer;
  replayed: boolean;
}

/**
 * The earlier outcome of a key, if this request is a retry of the one that used it (the same
 * body); IDEMPOTENCY_KEY_REUSED otherwise. When that answer is gone since, the score and comment
 * are this request's, which are the first one's.
 */
export function replay(earlier: StoredOutcome, requestHash: string, given: GivenAnswer): ApiOutcome {
  if (earlier.requestHash !== requestHash) {
    throw new IngestionError(
      IngestionErrorCode.IdempotencyKeyReused,
      'This idempotency key was already used for a different answer; use a new key for a new answer',
      [{ field: 'Idempotency-Key', reason: 'already used with a different body' }],
    );
  }
  const { score = given.score, comment = given.comment ?? '' } = earlier.answer;
  return { answer: { ...earlier.answer, score, comment }, replayed: true };
}
