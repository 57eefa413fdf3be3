import { MessagingTables1763856000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { CaseManagementEnv } from './case-management.env';

export const service: ServiceDefinition<CaseManagementEnv> = {
  name: 'case-management',
  env: CaseManagementEnv,
  schema: 'case_management',
  entities: [],
  migrations: [MessagingTables1763856000000],
};
