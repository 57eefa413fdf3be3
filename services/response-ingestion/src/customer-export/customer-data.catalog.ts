import { Channel, OptOutSource, ResponseSource } from '@nps/contracts';
import type { CustomerDataCatalog } from '@nps/runtime';

/** What response-ingestion holds about a customer: their answers (latest revision), survey links and opt-outs. */
export const CUSTOMER_DATA: CustomerDataCatalog = {
  service: 'response-ingestion',
  kinds: [
    {
      kind: 'responses',
      tables: ['responses'],
      query: (of) => `SELECT * FROM ${of('responses')} WHERE customer_id = $1 ORDER BY received_at, response_id`,
      enums: { channel: Channel, source: ResponseSource },
      erase: { where: () => 'customer_id = $1', set: { comment: "''" } },
    },
    {
      kind: 'surveyRequests',
      tables: ['survey_requests'],
      query: (of) => `SELECT * FROM ${of('survey_requests')} WHERE customer_id = $1 ORDER BY survey_request_id`,
    },
    {
      kind: 'optOuts',
      tables: ['opt_outs'],
      query: (of) => `SELECT * FROM ${of('opt_outs')} WHERE customer_id = $1 ORDER BY opted_out_at, channel`,
      enums: { channel: Channel, source: OptOutSource },
    },
  ],
  notPersonal: {
    // A hash of the API request that gave an answer, kept for a day so that a retry gets the same
    // outcome: no content of the answer, which is exported under responses.
    idempotency_keys: 'request hashes of the JSON API, no answer content',
  },
};
