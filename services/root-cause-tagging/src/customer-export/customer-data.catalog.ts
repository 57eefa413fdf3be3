import type { CustomerDataCatalog } from '@nps/runtime';

/** What root-cause-tagging holds about a customer: their tagged comments and confirmed root causes. */
export const CUSTOMER_DATA: CustomerDataCatalog = {
  service: 'root-cause-tagging',
  kinds: [
    {
      kind: 'taggedComments',
      tables: ['tagged_comments'],
      query: (of) => `SELECT * FROM ${of('tagged_comments')} WHERE customer_id = $1 ORDER BY tagged_at, response_id`,
    },
    {
      kind: 'confirmedRootCauses',
      tables: ['confirmed_root_causes'],
      query: (of) =>
        `SELECT * FROM ${of('confirmed_root_causes')}
         WHERE response_id IN (SELECT response_id FROM ${of('tagged_comments')} WHERE customer_id = $1)
         ORDER BY confirmed_at, response_id`,
    },
  ],
  notPersonal: {},
};
