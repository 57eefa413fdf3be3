import { IngestionErrorCode } from '../errors/ingestion.error';
import { decideAnswer, type SurveyRequestState } from './answer.decider';

const T0 = new Date('2026-11-23T10:00:00Z');
const HOUR = 60 * 60 * 1000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const answered = (score: number, comment = '', revision = 0): SurveyRequestState => ({
  answered: { answeredAt: T0, score, comment, revision },
});

describe('decideAnswer', () => {
  it.each<[string, SurveyRequestState, { score: number; comment?: string }, number, ReturnType<typeof decideAnswer>]>([
    [
      'first answer is received',
      {},
      { score: 3, comment: 'te laat' },
      0,
      { kind: 'receive', score: 3, comment: 'te laat' },
    ],
    ['first answer without comment gets an empty one', {}, { score: 9 }, 0, { kind: 'receive', score: 9, comment: '' }],
    [
      'a comment added later revises the response',
      answered(3),
      { score: 3, comment: 'late' },
      HOUR,
      { kind: 'revise', revision: 1, score: 3, previousScore: 3, comment: 'late' },
    ],
    [
      'a changed score revises and keeps the comment',
      answered(3, 'late', 1),
      { score: 5 },
      HOUR,
      { kind: 'revise', revision: 2, score: 5, previousScore: 3, comment: 'late' },
    ],
    [
      'the same answer again changes nothing',
      answered(3, 'late', 1),
      { score: 3, comment: 'late' },
      HOUR,
      { kind: 'unchanged', revision: 1, score: 3, comment: 'late' },
    ],
    [
      'after the window the link is used up',
      answered(3),
      { score: 4 },
      2 * HOUR + 1,
      { kind: 'refuse', code: IngestionErrorCode.AlreadyAnswered },
    ],
    [
      'a revoked request takes no answer',
      { revokedAt: T0 },
      { score: 9 },
      0,
      { kind: 'refuse', code: IngestionErrorCode.SurveyRevoked },
    ],
    [
      'a revoked request takes no revision either',
      { ...answered(3), revokedAt: T0 },
      { score: 9 },
      1,
      { kind: 'refuse', code: IngestionErrorCode.SurveyRevoked },
    ],
    [
      'an expired, unanswered request takes no answer',
      { expiredAt: T0 },
      { score: 9 },
      0,
      { kind: 'refuse', code: IngestionErrorCode.SurveyExpired },
    ],
  ])('%s', (_name, state, given, elapsed, expected) => {
    expect(decideAnswer(state, given, at(elapsed), 2 * HOUR)).toEqual(expected);
  });
});
