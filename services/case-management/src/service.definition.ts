import { MessagingTables1763856000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { CaseManagementEnv } from './case-management.env';
import { CaseManagementTables1763900000000 } from './migrations/1763900000000-case-management-tables';
import { RootCauses1764600000000 } from './migrations/1764600000000-root-causes';
import { CaseListingIndex1764900000000 } from './migrations/1764900000000-case-listing-index';
import { TeamLanguage1764900000001 } from './migrations/1764900000001-team-language';
import { CaseOpeningPolicy1765100000000 } from './migrations/1765100000000-case-opening-policy';
import { ImprovementActions1765400000000 } from './migrations/1765400000000-improvement-actions';
import { CaseRecoveries1765200000003 } from './migrations/1765200000003-case-recoveries';
import { AccountRisk1765300000003 } from './migrations/1765300000003-account-risk';
import { CaseRetention1765620000002 } from './migrations/1765620000002-case-retention';
import { caseManagementRetention } from './retention/case-management.retention';

export const service: ServiceDefinition<CaseManagementEnv> = {
  name: 'case-management',
  env: CaseManagementEnv,
  schema: 'case_management',
  entities: [],
  migrations: [
    MessagingTables1763856000000,
    CaseManagementTables1763900000000,
    RootCauses1764600000000,
    CaseListingIndex1764900000000,
    TeamLanguage1764900000001,
    CaseOpeningPolicy1765100000000,
    CaseRecoveries1765200000003,
    AccountRisk1765300000003,
    ImprovementActions1765400000000,
    CaseRetention1765620000002,
  ],
  retention: caseManagementRetention,
  api: {
    description:
      'Follow-up cases for detractors: queue, customer story, lifecycle, routing rules, teams, SLA policies, loop ' +
      'metrics. OIDC bearer token with `sub` (member id), roles (agent, lead, admin) and teams (team ids); agents ' +
      "and leads see only their teams' cases. See docs/case-management.md and docs/security.md.",
    bearerAuth: true,
  },
};
