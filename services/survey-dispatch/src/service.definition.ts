import { MessagingTables1763856000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { CustomerEntity } from './customers/customer.entity';
import { DispatchTables1763900000000 } from './migrations/1763900000000-dispatch-tables';
import { SuppressionEntity } from './suppressions/suppression.entity';
import { SurveyDispatchEnv } from './survey-dispatch.env';
import { SurveyRequestEntity } from './survey-requests/survey-request.entity';

export const service: ServiceDefinition<SurveyDispatchEnv> = {
  name: 'survey-dispatch',
  env: SurveyDispatchEnv,
  schema: 'survey_dispatch',
  entities: [CustomerEntity, SurveyRequestEntity, SuppressionEntity],
  migrations: [MessagingTables1763856000000, DispatchTables1763900000000],
  api: {
    description:
      'Contacts (the only holder of email and phone), contact policy, ad-hoc surveys and the state of survey requests.',
  },
};
