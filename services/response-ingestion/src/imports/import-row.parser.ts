import { Channel, CHANNEL_NAMES, channelFromName, ResponseSource } from '@nps/contracts';
import { SURVEY_LANGUAGES, type SurveyLanguage } from '@nps/survey-links';
import { commentProblem } from '../answers/answer-text';
import type { ResponseRecord } from '../answers/answer.types';
import { uuidFromName } from '../answers/deterministic-id';
import type { FieldProblem } from '../errors/ingestion.error';

/** One row as read from the file: column name (any case, `_`/`-` optional) to value. */
export type RawRow = Record<string, unknown>;

/** How the row key of a row with an external id begins; other rows are keyed by their line. */
export const EXTERNAL_ID_KEY = 'id:';

export type ParsedRow = { ok: true; record: ResponseRecord; rowKey: string } | { ok: false; problems: FieldProblem[] };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const MAX_ID = 200;

/** Column names as written in docs/response-ingestion.md, keyed by their normalised form. */
const COLUMNS = {
  customerid: 'customer_id',
  score: 'score',
  answeredat: 'answered_at',
  language: 'language',
  comment: 'comment',
  channel: 'channel',
  touchpointid: 'touchpoint_id',
  touchpointtype: 'touchpoint_type',
  surveyrequestid: 'survey_request_id',
  externalid: 'external_id',
} as const;
type Column = keyof typeof COLUMNS;

export function normaliseColumn(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Checks one historical answer and turns it into a response. The response id is derived from
 * the import id and the row's key (its external_id, else its line), so importing the same file
 * again under the same import id finds every row it already stored (ADR 0007).
 */
export function parseImportRow(raw: RawRow, line: number, importId: string, now: Date): ParsedRow {
  const row = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined && value !== null)
      row.set(normaliseColumn(name), typeof value === 'string' ? value.trim() : String(value));
  }
  const get = (column: Column) => row.get(column) ?? '';
  const problems: FieldProblem[] = [];
  const problem = (column: Column, reason: string) => problems.push({ field: COLUMNS[column], reason });

  const customerId = get('customerid');
  if (!customerId) problem('customerid', 'is required');
  else if (customerId.length > MAX_ID) problem('customerid', `must be at most ${MAX_ID} characters`);

  const scoreText = get('score');
  const score = /^(10|[0-9])$/.test(scoreText) ? Number(scoreText) : undefined;
  if (score === undefined)
    problem('score', scoreText ? `must be an integer from 0 to 10 (got "${scoreText.slice(0, 20)}")` : 'is required');

  const answeredText = get('answeredat');
  const answeredAt = TIMESTAMP.test(answeredText) ? new Date(answeredText.replace(' ', 'T')) : undefined;
  if (!answeredAt || Number.isNaN(answeredAt.getTime()))
    problem(
      'answeredat',
      answeredText ? 'must be an ISO 8601 timestamp with a time zone, e.g. 2025-03-01T14:05:00Z' : 'is required',
    );
  else if (answeredAt.getTime() > now.getTime()) problem('answeredat', 'must not be in the future');

  const language = get('language').toLowerCase();
  if (!(SURVEY_LANGUAGES as readonly string[]).includes(language))
    problem('language', `must be one of ${SURVEY_LANGUAGES.join(', ')}`);

  const comment = get('comment');
  const commentIssue = commentProblem(comment);
  if (commentIssue) problem('comment', commentIssue);

  const channelText = get('channel');
  const channel = channelText ? channelFromName(channelText) : Channel.UNSPECIFIED;
  if (channel === undefined) problem('channel', `must be one of ${CHANNEL_NAMES.join(', ')} (any letter case)`);

  for (const column of ['touchpointid', 'touchpointtype', 'surveyrequestid', 'externalid'] as const) {
    if (get(column).length > MAX_ID) problem(column, `must be at most ${MAX_ID} characters`);
  }
  for (const [column, value] of row) {
    if (value.includes('\uFFFD') || value.includes('\u0000')) {
      if (column !== 'comment')
        problems.push({ field: COLUMNS[column as Column] ?? column, reason: 'is not valid UTF-8 text' });
    }
  }
  if (problems.length > 0 || score === undefined || !answeredAt || channel === undefined)
    return { ok: false, problems };

  const rowKey = get('externalid') ? `${EXTERNAL_ID_KEY}${get('externalid')}` : `line:${line}`;
  return {
    ok: true,
    rowKey,
    record: {
      responseId: uuidFromName(`import:${importId}:${rowKey}`),
      customerId,
      surveyRequestId: get('surveyrequestid'),
      touchpointId: get('touchpointid'),
      touchpointType: get('touchpointtype'),
      channel,
      language: language as SurveyLanguage,
      source: ResponseSource.IMPORT,
      score,
      comment,
      answeredAt,
    },
  };
}
