import { MessagingTables1763856000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { CaseManagementEnv } from './case-management.env';
import { CaseManagementTables1763900000000 } from './database/1763900000000-case-management-tables';

export const service: ServiceDefinition<CaseManagementEnv> = {
  name: 'case-management',
  env: CaseManagementEnv,
  schema: 'case_management',
  entities: [],
  migrations: [MessagingTables1763856000000, CaseManagementTables1763900000000],
};
