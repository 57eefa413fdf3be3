import { applyRevision, emptyResponse, type OriginalAnswer, receiveAnswer, type ResponseState } from './response.state';

const answer = (score: number): OriginalAnswer => ({
  customerId: 'c1',
  score,
  comment: 'slow',
  maskedComment: 'slow',
  answeredAt: new Date('2025-03-01T10:00:00Z'),
  touchpointId: 't1',
  touchpointType: 'order-delivered',
  channel: 'email',
  language: 'en',
});
const revision = (n: number, score: number) => ({
  customerId: 'c1',
  revision: n,
  score,
  comment: `rev ${n}`,
  maskedComment: `rev ${n} masked`,
  revisedAt: new Date(`2025-03-0${n + 1}T10:00:00Z`),
});
const fresh = (): ResponseState => emptyResponse('r1', 'c1');

describe('response state', () => {
  it('scores an answer and identifies a detractor', () => {
    const decision = receiveAnswer(fresh(), answer(3));
    expect(decision).toMatchObject({
      changed: true,
      scored: true,
      detractor: 'identified',
      state: { revision: 0, category: 'detractor', detractorStatus: 'identified', received: true },
    });
  });

  it('publishes nothing about detractors for a promoter', () => {
    expect(receiveAnswer(fresh(), answer(10))).toMatchObject({
      scored: true,
      detractor: null,
      state: { category: 'promoter', detractorStatus: 'none' },
    });
  });

  it('ignores a second original answer', () => {
    const first = receiveAnswer(fresh(), answer(3)).state;
    expect(receiveAnswer(first, answer(9))).toMatchObject({
      changed: false,
      scored: false,
      detractor: null,
      state: first,
    });
  });

  it('withdraws a detractor once when a revision makes it a promoter, and identifies it again when it falls back', () => {
    const detractor = receiveAnswer(fresh(), answer(2)).state;
    const promoted = applyRevision(detractor, revision(1, 9));
    expect(promoted).toMatchObject({
      scored: true,
      detractor: 'withdrawn',
      state: { revision: 1, score: 9, detractorStatus: 'withdrawn' },
    });
    expect(applyRevision(promoted.state, revision(2, 10))).toMatchObject({ scored: true, detractor: null });
    expect(applyRevision(promoted.state, revision(2, 5))).toMatchObject({
      detractor: 'identified',
      state: { detractorStatus: 'identified' },
    });
  });

  it('publishes a still-detractor revision again with its new score and comment', () => {
    const detractor = receiveAnswer(fresh(), answer(2)).state;
    expect(applyRevision(detractor, revision(1, 4))).toMatchObject({
      detractor: 'identified',
      state: { revision: 1, score: 4, comment: 'rev 1' },
    });
  });

  it('ignores a revision not newer than the one applied', () => {
    const revised = applyRevision(receiveAnswer(fresh(), answer(2)).state, revision(2, 9)).state;
    expect(applyRevision(revised, revision(1, 0))).toMatchObject({ changed: false, scored: false, detractor: null });
    expect(applyRevision(revised, revision(2, 0))).toMatchObject({ changed: false });
  });

  it('keeps a revision that comes before its answer, and publishes only once the answer arrives', () => {
    const parked = applyRevision(fresh(), revision(1, 1));
    expect(parked).toMatchObject({
      changed: true,
      scored: false,
      detractor: null,
      state: { received: false, revision: 1, score: 1 },
    });
    const answered = receiveAnswer(parked.state, answer(9));
    expect(answered).toMatchObject({
      scored: true,
      detractor: 'identified',
      state: {
        received: true,
        revision: 1,
        score: 1,
        comment: 'rev 1',
        touchpointType: 'order-delivered',
        answeredAt: answer(9).answeredAt,
        scoredAt: revision(1, 1).revisedAt,
      },
    });
  });

  it('refuses a revision numbered below 1', () => {
    expect(() => applyRevision(fresh(), revision(0, 5))).toThrow(RangeError);
  });
});
