import type { AcceptedAnswer, ResponseRecord } from './answer.types';

/** What the caller hears back about a record stored as a new answer. */
export function receivedAnswer(record: ResponseRecord): AcceptedAnswer {
  return {
    outcome: 'received',
    responseId: record.responseId,
    revision: 0,
    score: record.score,
    comment: record.comment,
  };
}
