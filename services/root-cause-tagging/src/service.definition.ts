import { MessagingTables1763856000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { RootCauseTaggingEnv } from './root-cause-tagging.env';

export const service: ServiceDefinition<RootCauseTaggingEnv> = {
  name: 'root-cause-tagging',
  env: RootCauseTaggingEnv,
  schema: 'root_cause_tagging',
  entities: [],
  migrations: [MessagingTables1763856000000],
};
