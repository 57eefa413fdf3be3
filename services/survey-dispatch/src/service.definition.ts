import { MessagingTables1763856000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { SurveyDispatchEnv } from './survey-dispatch.env';

export const service: ServiceDefinition<SurveyDispatchEnv> = {
  name: 'survey-dispatch',
  env: SurveyDispatchEnv,
  schema: 'survey_dispatch',
  entities: [],
  migrations: [MessagingTables1763856000000],
};
