import { MessagingTables1763856000000 } from '@nps/messaging';
import { RateLimitTables1765000000000, type ServiceDefinition } from '@nps/runtime';
import { ResponseTables1764000000000 } from './migrations/1764000000000-response-tables';
import { RecoverySurveyRequests1765200000001 } from './migrations/1765200000001-recovery-survey-requests';
import { OptOuts1765610000001 } from './migrations/1765610000001-opt-outs';
import { AnswerRetention1765620000000 } from './migrations/1765620000000-answer-retention';
import { ResponseIngestionEnv } from './response-ingestion.env';
import { responseIngestionRetention } from './retention/response-ingestion.retention';

export const service: ServiceDefinition<ResponseIngestionEnv> = {
  name: 'response-ingestion',
  env: ResponseIngestionEnv,
  schema: 'response_ingestion',
  entities: [],
  migrations: [
    MessagingTables1763856000000,
    ResponseTables1764000000000,
    RateLimitTables1765000000000,
    RecoverySurveyRequests1765200000001,
    OptOuts1765610000001,
    AnswerRetention1765620000000,
  ],
  retention: responseIngestionRetention,
  api: {
    bearerAuth: true,
    description:
      'Takes NPS answers from every channel and publishes each accepted one as exactly one ' +
      '`nps.response.received.v1` (or `nps.response.revised.v1`). The survey page itself (`GET/POST /s/{token}`) is ' +
      'HTML for people and is described in docs/response-ingestion.md, like the unsubscribe page ' +
      '(`GET/POST /s/unsubscribe/{token}`, also the RFC 8058 one-click URL).',
  },
};
