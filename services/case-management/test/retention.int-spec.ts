import { aroundLimit, RetentionBed } from '@nps/testing';
import type { CaseManagementEnv } from '../src/case-management.env';
import { service } from '../src/service.definition';

// The fake clock: a year before the real one, so SQL now() would delete other rows than the job must.
const NOW = new Date('2025-06-01T12:00:00Z');
const CASES = aroundLimit(NOW, 1095);
const ACTIVITY = aroundLimit(NOW, 730);
const ANSWERS = aroundLimit(NOW, 730);
const SENT = aroundLimit(NOW, 90);
const INBOX = aroundLimit(NOW, 97);
const ACTION = '00000000-0000-4000-8000-0000000000aa';

// Tables no rule prunes, and why (a new table must be added to a rule or here: see the first test).
const WITHOUT_A_RULE = {
  teams: 'configuration: who works cases',
  members: 'staff, kept while they work here; no customer data',
  routing_rules: 'configuration',
  sla_policies: 'configuration',
  case_opening_policies: 'configuration, versioned: skipped detractors name their version',
  root_causes: 'the taxonomy as root-cause-tagging published it',
  improvement_actions: 'what the company changed and when: no customer data; links to cases go with the cases',
  config_changes: 'audit trail of configuration changes by staff: no customer data',
  customers: 'projection of the compacted CRM topic: goes when the customer is erased, not by age',
};

const CASE_IDS = {
  closedOld: '00000000-0000-4000-8000-000000000001',
  resolvedOld: '00000000-0000-4000-8000-000000000002',
  closedNew: '00000000-0000-4000-8000-000000000003',
  openOld: '00000000-0000-4000-8000-000000000004',
  reopenedOld: '00000000-0000-4000-8000-000000000005',
};

// case-management's retention through its real schema and declared rules, on a fake clock.
describe('case-management retention', () => {
  let bed: RetentionBed<CaseManagementEnv>;

  beforeAll(async () => {
    bed = await RetentionBed.start(service);
  });

  afterAll(() => bed?.close());

  it('has a rule, a cascade or a written reason for every table', async () => {
    expect(await bed.undecidedTables(WITHOUT_A_RULE)).toEqual([]);
  });

  async function aCase(id: string, status: string, resolvedAt: Date | null, closedAt: Date | null): Promise<void> {
    await bed.query(
      `INSERT INTO ${bed.of('cases')} (id, response_id, customer_id, team_id, status, priority, score,
         assignment_reason, assignment_detail, first_contact_due_at, resolution_due_at, resolved_at, closed_at, opened_at)
       VALUES ($1, $6, 'c', 'team', $2, 'high', 2, 'rule', '', $5, $5, $3, $4, $5)`,
      [id, status, resolvedAt, closedAt, new Date(CASES.expired.getTime() - 86400_000), `response-${id}`],
    );
    await bed.query(
      `INSERT INTO ${bed.of('account_cases')} (case_id, account_id, customer_id, opened_at)
      VALUES ($1, 'acme', 'c', $2)`,
      [id, CASES.expired],
    );
    await bed.query(
      `INSERT INTO ${bed.of('improvement_action_cases')} (improvement_action_id, case_id, linked_by)
      VALUES ($1, $2, 'lena')`,
      [ACTION, id],
    );
  }

  it('deletes cases past CASE_RETENTION_DAYS after resolution or closure with what belongs to them, never open ones', async () => {
    await bed.query(
      `INSERT INTO ${bed.of('improvement_actions')} (id, title, root_cause_tag_id, owner_id, status, opened_by)
       VALUES ($1, 'faster delivery', 'delivery', 'lena', 'open', 'lena')`,
      [ACTION],
    );
    await aCase(CASE_IDS.closedOld, 'closed', CASES.expired, CASES.expired);
    await aCase(CASE_IDS.resolvedOld, 'resolved', CASES.expired, null);
    await aCase(CASE_IDS.closedNew, 'closed', CASES.expired, CASES.kept);
    await aCase(CASE_IDS.openOld, 'open', null, null);
    await aCase(CASE_IDS.reopenedOld, 'in_progress', CASES.expired, null);
    const activity = (caseId: string, at: Date, kind: string) =>
      bed.query(`INSERT INTO ${bed.of('case_activities')} (case_id, at, kind) VALUES ($1, $2, $3)`, [caseId, at, kind]);
    await activity(CASE_IDS.closedOld, ACTIVITY.kept, 'note');
    await activity(CASE_IDS.closedNew, ACTIVITY.expired, 'note');
    await activity(CASE_IDS.closedNew, ACTIVITY.kept, 'closed');
    await activity(CASE_IDS.openOld, CASES.expired, 'note');
    const notification = (caseId: string, status: string, sentAt: Date | null) =>
      bed.query(
        `INSERT INTO ${bed.of('notifications')} (case_id, channel, target, kind, subject, body, status, sent_at)
         VALUES ($1, 'email', 'lena@example.com', 'assigned', 's', 'b', $2, $3)`,
        [caseId, status, sentAt],
      );
    await notification(CASE_IDS.closedOld, 'pending', null);
    await notification(CASE_IDS.closedNew, 'sent', SENT.expired);
    await notification(CASE_IDS.closedNew, 'sent', SENT.kept);
    await bed.query(
      `INSERT INTO ${bed.of('case_recoveries')} (case_id, recovery_response_id, first_score, recovery_score, measured_at)
       VALUES ($1, 'r-1', 2, 9, $3), ($2, 'r-2', 2, 8, $3)`,
      [CASE_IDS.closedOld, CASE_IDS.closedNew, CASES.expired],
    );
    await bed.query(
      `INSERT INTO ${bed.of('skipped_detractors')} (response_id, customer_id, reason, detail, policy_version, score,
         skipped_at) VALUES ('skip-old', 'c', 'HOLDOUT', '', 1, 3, $1), ('skip-new', 'c', 'HOLDOUT', '', 1, 3, $2)`,
      [CASES.expired, CASES.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('account_risk_alerts')} (account_id, account_owner_id, detractor_count, window_days,
         case_ids, alerted_at) VALUES ('old', 'o', 3, 30, '{}', $1), ('new', 'o', 3, 30, '{}', $2)`,
      [CASES.expired, CASES.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('customer_scores')} (response_id, revision, customer_id, score, answered_at)
       VALUES ('old', 0, 'c', 2, $1), ('new', 0, 'c', 9, $2)`,
      [ANSWERS.expired, ANSWERS.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('response_enrichments')} (response_id, customer_id, comment, received_at)
       VALUES ('old', 'c', 'slow', $1), ('new', 'c', 'fine', $2)`,
      [ANSWERS.expired, ANSWERS.kept],
    );
    await bed.query(
      `INSERT INTO ${bed.of('inbox')} (event_id, topic, processed_at) VALUES ('old', 't', $1), ('new', 't', $2)`,
      [INBOX.expired, INBOX.kept],
    );

    expect(await bed.prune(NOW)).toEqual({
      inbox: 1,
      'sent notifications': 1,
      'case activity': 1,
      cases: 2,
      'skipped detractors': 1,
      'account risk alerts': 1,
      'customer scores': 1,
      'response enrichments': 1,
    });

    const kept = [CASE_IDS.closedNew, CASE_IDS.openOld, CASE_IDS.reopenedOld].sort();
    const column = async (table: string, name: string) =>
      (await bed.query<{ v: string }>(`SELECT ${name} AS v FROM ${bed.of(table)} ORDER BY 1`)).map((row) => row.v);
    expect(await column('cases', 'id')).toEqual(kept);
    expect(await column('account_cases', 'case_id')).toEqual(kept);
    expect(await column('improvement_action_cases', 'case_id')).toEqual(kept);
    expect(await column('case_recoveries', 'case_id')).toEqual([CASE_IDS.closedNew]);
    expect(await column('case_activities', 'kind')).toEqual(['closed', 'note']);
    expect(await bed.count('notifications')).toBe(1);
    expect(await column('skipped_detractors', 'response_id')).toEqual(['skip-new']);
    expect(await column('account_risk_alerts', 'account_id')).toEqual(['new']);
    expect(await column('customer_scores', 'response_id')).toEqual(['new']);
    expect(await column('response_enrichments', 'response_id')).toEqual(['new']);
    expect(await bed.count('improvement_actions')).toBe(1);
    expect(Object.values(await bed.prune(NOW)).every((deleted) => deleted === 0)).toBe(true);
  });
});
