import { aroundLimit, RetentionBed } from '@nps/testing';
import type { ResponseIngestionEnv } from '../src/response-ingestion.env';
import { service } from '../src/service.definition';

// The fake clock: a year before the real one, so SQL now() would delete other rows than the job must.
const NOW = new Date('2025-06-01T12:00:00Z');
const ANSWERS = aroundLimit(NOW, 730);
const KEYS = aroundLimit(NOW, 30);
const INBOX = aroundLimit(NOW, 97);
const OLD = '00000000-0000-4000-8000-000000000001';
const NEW = '00000000-0000-4000-8000-000000000002';

// Tables no rule prunes, and why (a new table must be added to a rule or here: see the first test).
const WITHOUT_A_RULE = {
  rate_limits: 'rate-limiter-flexible deletes each key once its window expired',
  opt_outs: 'an opt-out holds until the customer is erased; a second request must still announce nothing new',
};

// response-ingestion's retention through its real schema and declared rules, on a fake clock.
describe('response-ingestion retention', () => {
  let bed: RetentionBed<ResponseIngestionEnv>;

  beforeAll(async () => {
    bed = await RetentionBed.start(service);
  });

  afterAll(() => bed?.close());

  it('has a rule, a cascade or a written reason for every table', async () => {
    expect(await bed.undecidedTables(WITHOUT_A_RULE)).toEqual([]);
  });

  it('deletes answers past ANSWER_RETENTION_DAYS with their survey requests, and the other rows past theirs', async () => {
    await bed.query(
      `INSERT INTO ${bed.of('responses')} (response_id, customer_id, channel, language, source, score, answered_at)
       VALUES ($1, 'c-old', 1, 'en', 1, 3, $3), ($2, 'c-new', 1, 'en', 1, 9, $4)`,
      [OLD, NEW, ANSWERS.expired, ANSWERS.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('survey_requests')} (survey_request_id, customer_id, response_id, answered_at, expired_at,
         revoked_at) VALUES
         ('answered-old', 'c-old', $1, $3, NULL, NULL), ('answered-new', 'c-new', $2, $4, NULL, NULL),
         ('expired-old', 'c-1', NULL, NULL, $3, NULL), ('expired-new', 'c-2', NULL, NULL, $4, NULL),
         ('revoked-old', 'c-3', NULL, NULL, NULL, $3), ('pending', 'c-4', NULL, NULL, NULL, NULL)`,
      [OLD, NEW, ANSWERS.expired, ANSWERS.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('idempotency_keys')} (idempotency_key, request_hash, response_id, outcome, revision,
         created_at) VALUES ('k-old', 'h', $1, 'created', 0, $3), ('k-new', 'h', $2, 'created', 0, $4)`,
      [OLD, NEW, KEYS.expired, KEYS.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('inbox')} (event_id, topic, processed_at) VALUES ('old', 't', $1), ('new', 't', $2)`,
      [INBOX.expired, INBOX.kept],
    );

    expect(await bed.prune(NOW)).toEqual({
      inbox: 1,
      'unanswered survey requests': 2,
      answers: 1,
      'idempotency keys': 1,
    });

    const column = async (table: string, name: string) =>
      (await bed.query<Record<string, string>>(`SELECT ${name} FROM ${bed.of(table)} ORDER BY 1`)).map(
        (row) => row[name],
      );
    expect(await column('responses', 'response_id')).toEqual([NEW]);
    expect(await column('survey_requests', 'survey_request_id')).toEqual(['answered-new', 'expired-new', 'pending']);
    expect(await column('idempotency_keys', 'idempotency_key')).toEqual(['k-new']);
    expect(await column('inbox', 'event_id')).toEqual(['new']);
    expect(Object.values(await bed.prune(NOW)).every((deleted) => deleted === 0)).toBe(true);
  });
});
