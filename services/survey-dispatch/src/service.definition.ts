import { MessagingTables1763856000000, OutboxTombstones1765710000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { DispatchTables1763900000000 } from './migrations/1763900000000-dispatch-tables';
import { ForgetProviderAnswers1764700000000 } from './migrations/1764700000000-forget-provider-answers';
import { RecoverySurveys1765200000000 } from './migrations/1765200000000-recovery-surveys';
import { PromoterFollowUps1765300000000 } from './migrations/1765300000000-promoter-follow-ups';
import { CustomerAccountId1765300000001 } from './migrations/1765300000001-customer-account-id';
import { PromoterFollowUpDelivery1765500000000 } from './migrations/1765500000000-promoter-follow-up-delivery';
import { CustomerOptOuts1765610000000 } from './migrations/1765610000000-customer-opt-outs';
import { ErasedCustomers1765710000001 } from './migrations/1765710000001-erased-customers';
import { HeldTriggers1765800000000 } from './migrations/1765800000000-held-triggers';
import { PromoterFollowUpsHeld1765900000000 } from './migrations/1765900000000-promoter-follow-ups-held';
import { surveyDispatchRetention } from './retention/survey-dispatch.retention';
import { SurveyDispatchEnv } from './survey-dispatch.env';

export const service: ServiceDefinition<SurveyDispatchEnv> = {
  name: 'survey-dispatch',
  env: SurveyDispatchEnv,
  schema: 'survey_dispatch',
  entities: [],
  migrations: [
    MessagingTables1763856000000,
    DispatchTables1763900000000,
    ForgetProviderAnswers1764700000000,
    RecoverySurveys1765200000000,
    PromoterFollowUps1765300000000,
    CustomerAccountId1765300000001,
    PromoterFollowUpDelivery1765500000000,
    CustomerOptOuts1765610000000,
    OutboxTombstones1765710000000,
    ErasedCustomers1765710000001,
    HeldTriggers1765800000000,
    PromoterFollowUpsHeld1765900000000,
  ],
  retention: surveyDispatchRetention,
  api: {
    bearerAuth: true,
    description:
      'Contacts (the only holder of email and phone), contact policy, ad-hoc surveys and the state of survey requests.',
  },
};
