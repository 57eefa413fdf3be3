import { aroundLimit, RetentionBed } from '@nps/testing';
import type { RootCauseTaggingEnv } from '../src/root-cause-tagging.env';
import { service } from '../src/service.definition';

// The fake clock: a year before the real one, so SQL now() would delete other rows than the job must.
const NOW = new Date('2025-06-01T12:00:00Z');
const ANSWERS = aroundLimit(NOW, 730);
const INBOX = aroundLimit(NOW, 97);

// Tables no rule prunes, and why (a new table must be added to a rule or here: see the first test).
const WITHOUT_A_RULE = {
  taxonomy_versions: 'the root-cause taxonomy: vocabulary, no answer',
  model_versions: 'learned weights per word and root cause: no comment can be read back from them',
  model_training_runs: 'scores of each retraining: figures only',
};

// root-cause-tagging's retention through its real schema and declared rules, on a fake clock.
describe('root-cause-tagging retention', () => {
  let bed: RetentionBed<RootCauseTaggingEnv>;

  beforeAll(async () => {
    bed = await RetentionBed.start(service);
  });

  afterAll(() => bed?.close());

  it('has a rule, a cascade or a written reason for every table', async () => {
    expect(await bed.undecidedTables(WITHOUT_A_RULE)).toEqual([]);
  });

  it('deletes comments and confirmed examples past ANSWER_RETENTION_DAYS, even when re-tagged since', async () => {
    const comment = (responseId: string, firstTaggedAt: Date, taggedAt: Date) =>
      bed.query(
        `INSERT INTO ${bed.of('tagged_comments')} (response_id, customer_id, revision, comment, survey_language, score,
           language, result, taxonomy_version, model_version, tagged_at, first_tagged_at)
         VALUES ($1, 'c', 0, 'too slow', 'en', 3, 'en', '{}', 1, 1, $3, $2)`,
        [responseId, firstTaggedAt, taggedAt],
      );
    await comment('old', ANSWERS.expired, ANSWERS.expired);
    await comment('old-retagged', ANSWERS.expired, NOW);
    await comment('new', ANSWERS.kept, ANSWERS.kept);
    await bed.query(
      `INSERT INTO ${bed.of('confirmed_root_causes')} (response_id, case_id, tag_id, confirmed_at)
       VALUES ('old', 'case-1', 'price', $1), ('new', 'case-2', 'price', $2)`,
      [ANSWERS.expired, ANSWERS.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('inbox')} (event_id, topic, processed_at) VALUES ('old', 't', $1), ('new', 't', $2)`,
      [INBOX.expired, INBOX.kept],
    );

    expect(await bed.prune(NOW)).toEqual({ inbox: 1, 'confirmed examples': 1, 'tagged comments': 2 });

    const ids = async (table: string) =>
      (await bed.query<{ id: string }>(`SELECT response_id AS id FROM ${bed.of(table)} ORDER BY 1`)).map(
        (row) => row.id,
      );
    expect(await ids('tagged_comments')).toEqual(['new']);
    expect(await ids('confirmed_root_causes')).toEqual(['new']);
    expect(await bed.count('inbox')).toBe(1);
    expect(Object.values(await bed.prune(NOW)).every((deleted) => deleted === 0)).toBe(true);
  });
});
