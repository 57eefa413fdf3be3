import { Channel, ResponseSource } from '@nps/contracts';
import { parseImportRow, type RawRow } from './import-row.parser';

const NOW = new Date('2026-11-23T12:00:00Z');
const good: RawRow = {
  customer_id: 'c-1',
  score: '3',
  answered_at: '2025-03-01T14:05:00Z',
  language: 'nl',
  comment: ' te laat ',
  channel: 'email',
  touchpoint_id: 'o-9',
};

function problemsOf(row: RawRow): string[] {
  const parsed = parseImportRow(row, 7, 'imp-1', NOW);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.field}: ${p.reason}`);
}

describe('parseImportRow', () => {
  it('turns a good row into an IMPORT response with its original timestamp', () => {
    const parsed = parseImportRow(good, 7, 'imp-1', NOW);
    expect(parsed).toMatchObject({
      ok: true,
      rowKey: 'line:7',
      record: {
        customerId: 'c-1',
        score: 3,
        comment: 'te laat',
        language: 'nl',
        channel: Channel.EMAIL,
        touchpointId: 'o-9',
        source: ResponseSource.IMPORT,
        answeredAt: new Date('2025-03-01T14:05:00Z'),
      },
    });
  });

  it('accepts camelCase columns and numbers from JSON', () => {
    expect(
      parseImportRow(
        { customerId: 'c-1', score: 10, answeredAt: '2025-03-01 14:05:00+01:00', language: 'DE' },
        1,
        'i',
        NOW,
      ),
    ).toMatchObject({ ok: true, record: { score: 10, language: 'de' } });
  });

  it('gives the same response id to the same row of the same import, and another for another import or external id', () => {
    const id = (importId: string, row: RawRow, line = 7) => {
      const parsed = parseImportRow(row, line, importId, NOW);
      return parsed.ok ? parsed.record.responseId : undefined;
    };
    expect(id('imp-1', good)).toBe(id('imp-1', good));
    expect(id('imp-2', good)).not.toBe(id('imp-1', good));
    expect(id('imp-1', { ...good, external_id: 'x' }, 7)).toBe(id('imp-1', { ...good, external_id: 'x' }, 99));
  });

  it.each<[string, RawRow, string]>([
    ['missing customer', { ...good, customer_id: '' }, 'customer_id: is required'],
    ['score 11', { ...good, score: '11' }, 'score: must be an integer from 0 to 10 (got "11")'],
    ['score 7.5', { ...good, score: '7.5' }, 'score: must be an integer from 0 to 10 (got "7.5")'],
    [
      'no time zone',
      { ...good, answered_at: '2025-03-01T14:05:00' },
      'answered_at: must be an ISO 8601 timestamp with a time zone, e.g. 2025-03-01T14:05:00Z',
    ],
    ['future', { ...good, answered_at: '2027-01-01T00:00:00Z' }, 'answered_at: must not be in the future'],
    ['language', { ...good, language: 'fr' }, 'language: must be one of en, nl, de'],
    ['long comment', { ...good, comment: 'x'.repeat(5001) }, 'comment: must be at most 5000 characters (got 5001)'],
    [
      'bad bytes',
      { ...good, comment: 'caf\uFFFD' },
      'comment: is not valid UTF-8 text (it holds bytes that are not UTF-8)',
    ],
    [
      'channel',
      { ...good, channel: 'pigeon' },
      'channel: must be one of email, sms, webhook, in_app, store, web, phone (any letter case)',
    ],
  ])('rejects %s, naming the field', (_name, row, expected) => {
    expect(problemsOf(row)).toEqual([expected]);
  });
});
