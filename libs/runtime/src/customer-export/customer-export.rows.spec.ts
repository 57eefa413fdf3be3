import { readableRow } from './customer-export.rows';

enum Channel {
  UNSPECIFIED = 0,
  EMAIL = 1,
}

describe('readableRow', () => {
  const kind = { kind: 'responses', tables: ['responses'], query: () => '', enums: { channel: Channel } };

  it('names columns in camelCase and shows enum numbers by name', () => {
    const answeredAt = new Date('2026-12-01T10:00:00Z');
    expect(readableRow(kind, { response_id: 'r-1', answered_at: answeredAt, channel: 1, score: 3 })).toEqual({
      responseId: 'r-1',
      answeredAt,
      channel: 'email',
      score: 3,
    });
  });

  it('keeps a number the enum does not know, and nulls', () => {
    expect(readableRow(kind, { channel: 9, comment: null })).toEqual({ channel: 9, comment: null });
  });
});
