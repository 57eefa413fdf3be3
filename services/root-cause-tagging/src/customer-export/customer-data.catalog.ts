import type { CustomerDataCatalog } from '@nps/runtime';

const WITHOUT_SPAN_TEXTS = `CASE WHEN jsonb_typeof(result->'tags') = 'array' THEN jsonb_set(result, '{tags}',
  COALESCE((SELECT jsonb_agg(jsonb_set(t.tag, '{span,text}', '""') ORDER BY t.i)
    FROM jsonb_array_elements(result->'tags') WITH ORDINALITY AS t(tag, i)), '[]'::jsonb)) ELSE result END`;

/** What root-cause-tagging holds about a customer: their tagged comments and confirmed root causes. */
export const CUSTOMER_DATA: CustomerDataCatalog = {
  service: 'root-cause-tagging',
  kinds: [
    {
      kind: 'taggedComments',
      tables: ['tagged_comments'],
      query: (of) => `SELECT * FROM ${of('tagged_comments')} WHERE customer_id = $1 ORDER BY tagged_at, response_id`,
      // The tags stay (they are counted); the words each was found in go with the comment.
      erase: { where: () => 'customer_id = $1', set: { comment: "''", result: WITHOUT_SPAN_TEXTS } },
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
