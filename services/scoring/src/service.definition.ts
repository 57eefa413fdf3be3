import { MessagingTables1763856000000 } from '@nps/messaging';
import type { ServiceDefinition } from '@nps/runtime';
import { ScoringTables1763942400000 } from './migrations/1763942400000-scoring-tables';
import { InAppChannelName1764600000000 } from './migrations/1764600000000-in-app-channel-name';
import { AnswerOrigin1765100000000 } from './migrations/1765100000000-answer-origin';
import { ImprovementActions1765400000000 } from './migrations/1765400000000-improvement-actions';
import { RecoveryMeasurements1765200000002 } from './migrations/1765200000002-recovery-measurements';
import { CustomerAccountId1765300000002 } from './migrations/1765300000002-customer-account-id';
import { MaskedComment1765700000000 } from './migrations/1765700000000-masked-comment';
import { ScoringEnv } from './scoring.env';
import { scoringRetention } from './retention/scoring.retention';

export const service: ServiceDefinition<ScoringEnv> = {
  name: 'scoring',
  env: ScoringEnv,
  schema: 'scoring',
  entities: [],
  migrations: [
    MessagingTables1763856000000,
    ScoringTables1763942400000,
    InAppChannelName1764600000000,
    AnswerOrigin1765100000000,
    RecoveryMeasurements1765200000002,
    CustomerAccountId1765300000002,
    ImprovementActions1765400000000,
    MaskedComment1765700000000,
  ],
  retention: scoringRetention,
  api: {
    bearerAuth: true,
    description:
      'NPS by period and segment with sample size, standard error, 95% margin of error and interval, comparisons and ' +
      'root-cause drivers (docs/nps-statistics.md).',
  },
};
