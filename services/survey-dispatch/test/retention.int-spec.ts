import { loadEnv } from '@nps/config';
import { SchemaTables } from '@nps/persistence';
import { aroundLimit, RetentionBed } from '@nps/testing';
import { surveyDispatchRetention } from '../src/retention/survey-dispatch.retention';
import { service } from '../src/service.definition';
import { SurveyDispatchEnv } from '../src/survey-dispatch.env';

// The fake clock: a year before the real one, so SQL now() would delete other rows than the job must.
const NOW = new Date('2025-06-01T12:00:00Z');
const DISPATCH = aroundLimit(NOW, 365);
const ANSWERS = aroundLimit(NOW, 730);
const INBOX = aroundLimit(NOW, 97);

// Tables no rule prunes, and why (a new table must be added to a rule or here: see the first test).
const WITHOUT_A_RULE = {
  customers: 'contacts as the CRM sends them: they go when the customer is erased or deleted there, not by age',
  customer_opt_outs: "a customer's own opt-out holds until they are erased: it must never expire into a survey",
  held_triggers:
    'touchpoints held for an import: the held touchpoint scheduler deletes each row when its customer arrives or its hold (UNKNOWN_CUSTOMER_HOLD_MS, at most 30 days) ends (ADR 0066)',
  erased_customers:
    'the register of erasures: later touchpoints and CRM imports must never bring the customer back, and a restored backup needs it to re-apply them (ADR 0038)',
};

// survey-dispatch's retention through its real schema and declared rules, on a fake clock.
describe('survey-dispatch retention', () => {
  let bed: RetentionBed<SurveyDispatchEnv>;

  beforeAll(async () => {
    bed = await RetentionBed.start(service);
  });

  afterAll(() => bed?.close());

  it('has a rule, a cascade or a written reason for every table', async () => {
    expect(await bed.undecidedTables(WITHOUT_A_RULE)).toEqual([]);
  });

  it('deletes finished dispatch records past DISPATCH_RETENTION_DAYS, promoter follow-ups past ANSWER_RETENTION_DAYS, never open work', async () => {
    const request = (id: number, status: string, requestedAt: Date, closedAt: Date | null) =>
      bed.query(
        `INSERT INTO ${bed.of('survey_requests')} (id, customer_id, touchpoint_id, touchpoint_type, channel, language,
           origin, status, requested_at, closed_at) VALUES ($1, 'c', $2, 'order', 1, 'en', 'touchpoint', $3, $4, $5)`,
        [`00000000-0000-4000-8000-00000000000${id}`, `tp-${id}`, status, requestedAt, closedAt],
      );
    await request(1, 'answered', DISPATCH.expired, DISPATCH.expired);
    await request(2, 'expired', DISPATCH.expired, DISPATCH.kept);
    await request(3, 'failed', DISPATCH.expired, null);
    await request(4, 'sent', DISPATCH.expired, null);
    await bed.query(
      `INSERT INTO ${bed.of('suppressions')} (customer_id, touchpoint_id, touchpoint_type, outcome, reason, detail,
         deferred_until, recorded_at) VALUES ('c', 'gone', 'order', 'suppressed', 'CAP', '', NULL, $1),
         ('c', 'deferred', 'order', 'deferred', 'QUIET', '', $2, $1), ('c', 'young', 'order', 'suppressed', 'CAP', '', NULL, $2)`,
      [DISPATCH.expired, DISPATCH.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('recovery_surveys')} (response_id, customer_id, follow_up_group, due_at, status,
         requested_at, decided_at) VALUES ('scheduled-old', 'c', 'g', $1, 'scheduled', $1, $1),
         ('pending-old', 'c', 'g', $1, 'pending', $1, NULL), ('suppressed-new', 'c', 'g', $1, 'suppressed', $1, $2)`,
      [DISPATCH.expired, DISPATCH.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('promoter_follow_ups')} (response_id, customer_id, revision, score, status, decided_at,
         followed_up_at) VALUES ('done-old', 'c', 0, 10, 'done', $1, $1), ('pending-old', 'c', 0, 10, 'pending', $1, NULL),
         ('skipped-new', 'c', 0, 9, 'skipped', $2, NULL)`,
      [ANSWERS.expired, ANSWERS.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('inbox')} (event_id, topic, processed_at) VALUES ('old', 't', $1), ('new', 't', $2)`,
      [INBOX.expired, INBOX.kept],
    );

    expect(await bed.prune(NOW)).toEqual({
      inbox: 1,
      'survey requests': 2,
      suppressions: 1,
      'recovery surveys': 1,
      'promoter follow-ups': 1,
    });

    const column = async (table: string, name: string) =>
      (await bed.query<Record<string, string>>(`SELECT ${name} AS v FROM ${bed.of(table)} ORDER BY 1`)).map(
        (row) => row.v,
      );
    expect(await column('survey_requests', 'status')).toEqual(['expired', 'sent']);
    expect(await column('suppressions', 'touchpoint_id')).toEqual(['deferred', 'young']);
    expect(await column('recovery_surveys', 'response_id')).toEqual(['pending-old', 'suppressed-new']);
    expect(await column('promoter_follow_ups', 'response_id')).toEqual(['pending-old', 'skipped-new']);
    expect(Object.values(await bed.prune(NOW)).every((deleted) => deleted === 0)).toBe(true);
  });

  it('keeps survey requests as long as the longest contact cap looks back, whatever DISPATCH_RETENTION_DAYS says', () => {
    const env = loadEnv(SurveyDispatchEnv, {
      DISPATCH_RETENTION_DAYS: '30',
      CONTACT_CAP_DAYS: '60',
      CONTACT_CAP_PER_TYPE: 'ticket-closed:90,order-delivered:45',
      CONTACT_ATTRIBUTE_RULES: 'customer.segment=internal:never,customer.tier=platinum:120d',
    });
    const rules = surveyDispatchRetention(env, new SchemaTables('s'));
    expect(rules.find((rule) => rule.name === 'survey requests')?.maxAgeDays).toBe(120);
  });
});
