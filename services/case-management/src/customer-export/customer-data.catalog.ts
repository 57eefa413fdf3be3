import type { CustomerDataCatalog } from '@nps/runtime';

const CASES_OF_CUSTOMER = (of: (table: string) => string) =>
  `case_id IN (SELECT id FROM ${of('cases')} WHERE customer_id = $1)`;

const OF_CUSTOMER = () => 'customer_id = $1';

const byCustomer = (table: string, orderBy: string) => (of: (table: string) => string) =>
  `SELECT * FROM ${of(table)} WHERE customer_id = $1 ORDER BY ${orderBy}`;

/** What case-management holds about a customer: facts, scores, cases with their whole story, skips. */
export const CUSTOMER_DATA: CustomerDataCatalog = {
  service: 'case-management',
  kinds: [
    {
      kind: 'customers',
      tables: ['customers'],
      query: byCustomer('customers', 'customer_id'),
      erase: { where: OF_CUSTOMER, set: { name: "''", attributes: "'{}'::jsonb" } },
    },
    {
      kind: 'customerScores',
      tables: ['customer_scores'],
      query: byCustomer('customer_scores', 'answered_at, response_id'),
    },
    {
      kind: 'responseEnrichments',
      tables: ['response_enrichments'],
      query: byCustomer('response_enrichments', 'response_id'),
      erase: { where: OF_CUSTOMER, set: { comment: "''" } },
    },
    {
      kind: 'cases',
      tables: ['cases'],
      query: byCustomer('cases', 'opened_at, id'),
      erase: { where: OF_CUSTOMER, set: { comment: "''" } },
    },
    {
      kind: 'caseActivities',
      tables: ['case_activities'],
      query: (of) => `SELECT * FROM ${of('case_activities')} WHERE ${CASES_OF_CUSTOMER(of)} ORDER BY case_id, at, id`,
      // Agents' notes (contacts, resolutions, reopenings) tell the customer's story; the rest is workflow.
      erase: {
        where: CASES_OF_CUSTOMER,
        set: { detail: `CASE WHEN detail ? 'note' THEN jsonb_set(detail, '{note}', '""') ELSE detail END` },
      },
    },
    {
      kind: 'notifications',
      tables: ['notifications'],
      query: (of) => `SELECT * FROM ${of('notifications')} WHERE ${CASES_OF_CUSTOMER(of)} ORDER BY created_at, id`,
      // The comment (masked) and case details in the message; a delivery error may quote them.
      erase: { where: CASES_OF_CUSTOMER, set: { subject: "''", body: "''", last_error: 'NULL' } },
    },
    {
      kind: 'caseRecoveries',
      tables: ['case_recoveries'],
      query: (of) => `SELECT * FROM ${of('case_recoveries')} WHERE ${CASES_OF_CUSTOMER(of)} ORDER BY case_id`,
    },
    {
      kind: 'improvementActionCases',
      tables: ['improvement_action_cases'],
      query: (of) =>
        `SELECT l.*, a.title AS improvement_action_title
         FROM ${of('improvement_action_cases')} l JOIN ${of('improvement_actions')} a ON a.id = l.improvement_action_id
         WHERE l.${CASES_OF_CUSTOMER(of)} ORDER BY l.linked_at, l.case_id, l.improvement_action_id`,
    },
    { kind: 'accountCases', tables: ['account_cases'], query: byCustomer('account_cases', 'opened_at, case_id') },
    {
      kind: 'skippedDetractors',
      tables: ['skipped_detractors'],
      query: byCustomer('skipped_detractors', 'skipped_at, id'),
    },
  ],
  notPersonal: {
    // An alert to an account owner about several customers' detractors in one account: it belongs to
    // the account; the customer's own cases it lists are exported above.
    account_risk_alerts: 'account-level alerts; the cases they list are exported under cases',
  },
};
