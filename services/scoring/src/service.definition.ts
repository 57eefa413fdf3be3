import { MessagingTables1763856000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { ScoringEnv } from './scoring.env';

export const service: ServiceDefinition<ScoringEnv> = {
  name: 'scoring',
  env: ScoringEnv,
  schema: 'scoring',
  entities: [],
  migrations: [MessagingTables1763856000000],
};
