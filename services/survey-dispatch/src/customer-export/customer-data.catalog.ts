import { Channel, OptOutSource, PromoterAction, PromoterDelivery } from '@nps/contracts';
import type { CustomerDataCatalog } from '@nps/runtime';

/** What survey-dispatch holds about a customer: contact details, surveys asked or held back, opt-outs, follow-ups. */
export const CUSTOMER_DATA: CustomerDataCatalog = {
  service: 'survey-dispatch',
  kinds: [
    {
      kind: 'customers',
      tables: ['customers'],
      query: (of) => `SELECT * FROM ${of('customers')} WHERE customer_id = $1`,
      enums: { preferredChannel: Channel },
    },
    {
      kind: 'surveyRequests',
      tables: ['survey_requests'],
      query: (of) => `SELECT * FROM ${of('survey_requests')} WHERE customer_id = $1 ORDER BY requested_at, id`,
      enums: { channel: Channel },
    },
    {
      kind: 'suppressions',
      tables: ['suppressions'],
      query: (of) => `SELECT * FROM ${of('suppressions')} WHERE customer_id = $1 ORDER BY recorded_at, id`,
    },
    {
      kind: 'promoterFollowUps',
      tables: ['promoter_follow_ups'],
      query: (of) =>
        `SELECT * FROM ${of('promoter_follow_ups')} WHERE customer_id = $1 ORDER BY answered_at, response_id`,
      enums: { action: PromoterAction, delivery: PromoterDelivery },
    },
    {
      kind: 'heldTouchpoints',
      tables: ['held_triggers'],
      query: (of) => `SELECT * FROM ${of('held_triggers')} WHERE customer_id = $1 ORDER BY held_at, touchpoint_id`,
    },
    {
      kind: 'recoverySurveys',
      tables: ['recovery_surveys'],
      query: (of) => `SELECT * FROM ${of('recovery_surveys')} WHERE customer_id = $1 ORDER BY due_at, response_id`,
    },
    {
      kind: 'optOuts',
      tables: ['customer_opt_outs'],
      query: (of) => `SELECT * FROM ${of('customer_opt_outs')} WHERE customer_id = $1 ORDER BY opted_out_at, channel`,
      enums: { channel: Channel, source: OptOutSource },
    },
    {
      kind: 'erasure',
      tables: ['erased_customers'],
      query: (of) => `SELECT * FROM ${of('erased_customers')} WHERE customer_id = $1`,
    },
  ],
  notPersonal: {},
};
