import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Channel, Topics } from '@nps/contracts';
import { aroundLimit, anEventRecord, freshSchema, RetentionBed, testDatabaseUrl } from '@nps/testing';
import type { ScoringEnv } from '../src/scoring.env';
import { service } from '../src/service.definition';
import { ProjectionHarness } from './projection.harness';
import { answerOf, type ResponseSpec, tagsOf } from './scoring.events';

// The fake clock: a year before the real one, so SQL now() would delete other rows than the job must.
const NOW = new Date('2025-06-01T12:00:00Z');
const ANSWERS = aroundLimit(NOW, 730);
const INBOX = aroundLimit(NOW, 97);

// Tables no rule prunes, and why (a new table must be added to a rule or here: see the first test).
const WITHOUT_A_RULE = {
  rollups: 'NPS counts per day and dimensions: aggregates, no answer can be found in them',
  tag_rollups: 'the same counts per root cause',
  rollups_week: 'the same counts per ISO week',
  rollups_month: 'the same counts per month',
  tag_rollups_week: 'the same counts per root cause and ISO week',
  tag_rollups_month: 'the same counts per root cause and month',
  customers: 'projection of the compacted CRM topic: goes when the customer is erased, not by age',
  improvement_actions: 'what the company changed and when: no customer data',
};

function aResponse(responseId: string, score: number, answeredAt: Date, tags: string[] = []): ResponseSpec {
  const base = { customerId: `c-${responseId}`, touchpointType: 'order-delivered', channel: Channel.EMAIL };
  return { ...base, responseId, score, answeredAt, language: 'en', comment: 'why', revisions: [], tags };
}

// Scoring's retention through its real schema and declared rules, on a fake clock: exactly the rows
// past their limit go, and every NPS figure stays, including for a revision arriving afterwards.
describe('scoring retention', () => {
  let harness: ProjectionHarness;
  let bed: RetentionBed<ScoringEnv>;

  beforeAll(async () => {
    const schema = await freshSchema('scoring_retention');
    harness = await ProjectionHarness.start(testDatabaseUrl(), schema, 'UTC,Europe/Amsterdam');
    bed = await RetentionBed.start(service, {}, schema);
  });

  afterAll(async () => {
    await bed?.close();
    await harness?.stop();
  });

  it('has a rule, a cascade or a written reason for every table', async () => {
    expect(await bed.undecidedTables(WITHOUT_A_RULE)).toEqual([]);
  });

  it('deletes the per-answer rows past ANSWER_RETENTION_DAYS and keeps the NPS they were counted in', async () => {
    const responses = [
      aResponse('old-detractor', 3, ANSWERS.expired, ['price']),
      aResponse('old-promoter', 10, ANSWERS.expired),
      aResponse('new-passive', 8, ANSWERS.kept, ['price']),
      aResponse('new-detractor', 2, ANSWERS.kept),
    ];
    for (const response of responses) await harness.apply(answerOf(response));
    for (const response of responses.filter(({ tags }) => tags.length > 0)) await harness.apply(tagsOf(response));
    await bed.query(
      `INSERT INTO ${bed.of('follow_ups')} (response_id, follow_up_group, team_id, case_id, first_score, recorded_at)
       VALUES ('old-detractor', 'g', 't', 'case-1', 3, $1), ('new-detractor', 'g', 't', 'case-2', 2, $2)`,
      [ANSWERS.expired, ANSWERS.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('recovery_measurements')} (response_id, recovery_response_id, customer_id, recovery_score,
         answered_at) VALUES ('old-detractor', 'r-1', 'c-old-detractor', 9, $1), ('new-detractor', 'r-2', 'c-new', 7, $2)`,
      [ANSWERS.expired, ANSWERS.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('inbox')} (event_id, topic, processed_at) VALUES ('old', 't', $1), ('new', 't', $2)`,
      [INBOX.expired, INBOX.kept],
    );
    const figures = () =>
      Promise.all([
        harness.nps.nps({ timeZone: 'UTC' }, [], 'month'),
        harness.nps.nps({ timeZone: 'Europe/Amsterdam' }, ['segment', 'channel'], 'day'),
        harness.nps.nps({ timeZone: 'UTC' }, ['tag']),
      ]);
    const before = await figures();
    expect(before[0].rows.map((row) => row.n)).toEqual([4]);

    expect(await bed.prune(NOW)).toEqual({
      inbox: 1,
      'response tags': 1,
      'scored responses': 2,
      'follow-ups': 1,
      'recovery measurements': 1,
    });

    const ids = async (table: string) =>
      (await bed.query<{ response_id: string }>(`SELECT response_id FROM ${bed.of(table)} ORDER BY 1`)).map(
        (row) => row.response_id,
      );
    expect(await ids('responses')).toEqual(['new-detractor', 'new-passive']);
    expect(await ids('response_tags')).toEqual(['new-passive']);
    expect(await ids('follow_ups')).toEqual(['new-detractor']);
    expect(await ids('recovery_measurements')).toEqual(['new-detractor']);
    expect(await bed.count('inbox', `event_id = 'old'`)).toBe(0);
    expect(await bed.count('inbox', `event_id = 'new'`)).toBe(1);
    expect(await figures()).toEqual(before);
    expect(Object.values(await bed.prune(NOW)).every((deleted) => deleted === 0)).toBe(true);
  });

  it('drops a revision of an answer past retention, without a row or a change to the NPS, and applies a newer one', async () => {
    harness.clock.now = () => NOW;
    const revision = (responseId: string, score: number, revisedAt: Date) =>
      anEventRecord(Topics.ResponseRevised, {
        customerId: `c-${responseId}`,
        responseId,
        revision: 1,
        score,
        comment: 'changed my mind',
        revisedAt: timestampFromDate(revisedAt),
        occurredAt: timestampFromDate(revisedAt),
      });
    const before = await harness.nps.nps({ timeZone: 'UTC' }, [], 'month');

    await harness.apply(revision('old-detractor', 10, ANSWERS.expired));
    expect(await bed.count('responses', `response_id = 'old-detractor'`)).toBe(0);
    expect(await harness.nps.nps({ timeZone: 'UTC' }, [], 'month')).toEqual(before);

    await harness.apply(revision('new-detractor', 10, ANSWERS.kept));
    expect(await bed.query(`SELECT score FROM ${bed.of('responses')} WHERE response_id = 'new-detractor'`)).toEqual([
      { score: 10 },
    ]);
    expect(await harness.nps.nps({ timeZone: 'UTC' }, [], 'month')).not.toEqual(before);
  });
});
