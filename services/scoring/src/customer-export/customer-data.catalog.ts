import { ResponseSource } from '@nps/contracts';
import type { CustomerDataCatalog } from '@nps/runtime';

const OF_CUSTOMER = (of: (table: string) => string) =>
  `response_id IN (SELECT response_id FROM ${of('responses')} WHERE customer_id = $1)`;

/** What scoring holds about a customer: their facts, scored answers, tags and recovery measurements. */
export const CUSTOMER_DATA: CustomerDataCatalog = {
  service: 'scoring',
  kinds: [
    {
      kind: 'customers',
      tables: ['customers'],
      query: (of) => `SELECT * FROM ${of('customers')} WHERE customer_id = $1`,
    },
    {
      kind: 'responses',
      tables: ['responses'],
      query: (of) => `SELECT * FROM ${of('responses')} WHERE customer_id = $1 ORDER BY answered_at, response_id`,
      enums: { source: ResponseSource },
      erase: { where: () => 'customer_id = $1', set: { comment: "''", masked_comment: "''" } },
    },
    {
      kind: 'responseTags',
      tables: ['response_tags'],
      query: (of) => `SELECT * FROM ${of('response_tags')} WHERE ${OF_CUSTOMER(of)} ORDER BY response_id, tag_id`,
    },
    {
      kind: 'followUps',
      tables: ['follow_ups'],
      query: (of) => `SELECT * FROM ${of('follow_ups')} WHERE ${OF_CUSTOMER(of)} ORDER BY recorded_at, response_id`,
    },
    {
      kind: 'recoveryMeasurements',
      tables: ['recovery_measurements'],
      query: (of) =>
        `SELECT * FROM ${of('recovery_measurements')} WHERE customer_id = $1 ORDER BY measured_at, response_id`,
    },
  ],
  // Rollups and tag rollups (per day, week and month) are counts per period and segment, with no
  // customer, response or case id.
  notPersonal: {},
};
