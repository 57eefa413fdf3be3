import { seedRootCauses } from './root-causes.seed';
import type { StartedBed } from './started-bed';

/** How a bed starts one kind of service process. */
export interface ServiceDefinition {
  /** The service name; its schema and consumer group are named after it. */
  name: string;
  /** Entry file relative to the repository root. */
  entry: string;
  /** Its command-line tool relative to the repository root (replay, imports…), if it has one. */
  cli?: string;
  /** The path that answers 200 once the process can take work. */
  readyPath?: string;
  /** Settings that make the service quick to test (shorter polls), given its own base URL. */
  testEnv?: (url: string) => Record<string, string>;
  /** Runs once the first instance is ready: what the service must find on its topics before a test begins. */
  afterFirstStart?: (bed: StartedBed) => Promise<void>;
}

export type ServiceName =
  'survey-dispatch' | 'response-ingestion' | 'scoring' | 'root-cause-tagging' | 'case-management';

const platformService = (name: string, testEnv?: ServiceDefinition['testEnv']): ServiceDefinition => ({
  name,
  entry: `services/${name}/src/main.ts`,
  cli: `services/${name}/src/cli.ts`,
  testEnv,
});

// Their tests' webhook, SMS and notification receivers listen on 127.0.0.1, which the outbound rules refuse
// unless private networks are allowed (docs/adr/0019-outbound-calls.md); a test of those rules sets it back.
const LOOPBACK_RECEIVERS = { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' };

/** The platform's five services, as their tests run them. */
export const SERVICES: Record<ServiceName, ServiceDefinition> = {
  'survey-dispatch': platformService('survey-dispatch', () => ({ SCHEDULER_POLL_MS: '100', ...LOOPBACK_RECEIVERS })),
  // Its survey links point at itself, so a test can follow them.
  'response-ingestion': platformService('response-ingestion', (url) => ({ SURVEY_PAGE_URL: url })),
  scoring: platformService('scoring'),
  'root-cause-tagging': platformService('root-cause-tagging', () => ({ TAGGING_REFRESH_INTERVAL_MS: '1000' })),
  'case-management': {
    ...platformService('case-management', () => LOOPBACK_RECEIVERS),
    afterFirstStart: seedRootCauses,
  },
};

/** A service's definition: one of the five, or any other service folder (e.g. a freshly generated one). */
export function definitionOf(service: ServiceName | (string & {}) | ServiceDefinition): ServiceDefinition {
  return typeof service === 'string' ? (SERVICES[service as ServiceName] ?? platformService(service)) : service;
}

/** The five platform services, in the order the catalog lists them. */
export const PLATFORM_SERVICES = Object.keys(SERVICES) as ServiceName[];
