import {
  freshTopicPrefix,
  privacySchemaOf,
  SERVICES,
  ServiceBed,
  type ServiceDefinition,
  sharedLocalIssuer,
} from '@nps/testing';
import type { Client } from 'pg';
import { bestEffort } from './bench.cleanup';
import { deleteTopics } from './bench.events';
import { stopChild, tracked } from './bench.processes';
import { progress } from './bench.report';
import type { E2eSettings } from './e2e.settings';

export const LOOP_SERVICES = ['response-ingestion', 'scoring', 'root-cause-tagging', 'case-management'] as const;
export type LoopService = (typeof LOOP_SERVICES)[number];

/** The zones scoring rolls up (its default), given explicitly so the rollup check knows them. */
export const ROLLUP_ZONES = ['UTC', 'Europe/Amsterdam', 'Europe/London'];
/** The team a fresh case-management routes every case to without routing rules. */
const TEAM = 'customer-care';
const READY_TIMEOUT_MS = 240_000;

/** The four services of the loop, each in a process of its own, on one fresh topic prefix and key store. */
export interface LoopStack {
  beds: Record<LoopService, ServiceBed>;
  topicPrefix: string;
  /** Each service's schema, for reading its tables. */
  schemas: Record<LoopService, string>;
  /** The tail of every service's output, for a failure message. */
  output(): string;
  /** Stops the services and deletes their schemas, the key store and the topics. */
  stop(): Promise<void>;
}

/**
 * Starts response-ingestion first (it creates the shared key store schema), then the other three
 * side by side; adds `members` to the default team. Every service gets the consumer knobs.
 */
export async function startLoopStack(s: E2eSettings, db: Client): Promise<LoopStack> {
  const topicPrefix = freshTopicPrefix('bench_e2e');
  const privacySchema = privacySchemaOf(topicPrefix);
  const issuer = sharedLocalIssuer();
  const common = {
    ...(s.batchSize === undefined ? {} : { CONSUMER_BATCH_SIZE: String(s.batchSize) }),
    ...(s.partitions === undefined ? {} : { CONSUMER_PARTITIONS_CONCURRENTLY: String(s.partitions) }),
    ...(s.serviceNodeOptions ? { NODE_OPTIONS: s.serviceNodeOptions } : {}),
    ...(s.serviceMmapThreshold ? { MALLOC_MMAP_THRESHOLD_: s.serviceMmapThreshold } : {}),
    LOG_LEVEL: 'warn',
  };
  const own: Record<LoopService, Record<string, string>> = {
    // One client address and one bearer token send every API answer: the public limits would refuse most.
    'response-ingestion': {
      RATE_LIMIT_PER_ADDRESS: '100000000',
      RATE_LIMIT_PER_SUBJECT: '100000000',
      RATE_LIMIT_ANSWERS_PER_CLIENT: '100000000',
    },
    scoring: { ROLLUP_TIME_ZONES: ROLLUP_ZONES.join(',') },
    'root-cause-tagging': {},
    // As case-intake.bench.ts: no SLA watcher, and notifications are not what is measured.
    'case-management': { SLA_WATCH_ENABLED: 'false', SMTP_URL: 'smtp://127.0.0.1:9', NOTIFY_INTERVAL_MS: '600000' },
  };
  const definition = (name: LoopService): ServiceDefinition => ({
    ...SERVICES[name],
    ...(s.fromDist ? { entry: `dist/services/${name}/src/main.js` } : {}),
    // Its test seeding waits with Jest's expect; root-cause-tagging publishes the taxonomy here.
    ...(name === 'case-management' ? { afterFirstStart: undefined } : {}),
  });
  const beds = Object.fromEntries(
    LOOP_SERVICES.map((name) => [
      name,
      new ServiceBed({
        service: definition(name),
        kafkaBrokers: s.brokers,
        topicPrefix,
        privacySchema,
        issuer,
        readyTimeoutMs: READY_TIMEOUT_MS,
        env: { ...common, ...own[name] },
      }),
    ]),
  ) as Record<LoopService, ServiceBed>;
  const started = new Set<LoopService>();
  const startOne = async (name: LoopService) => {
    const instance = await beds[name].start();
    tracked(instance.process);
    started.add(name);
    progress(`${name} ready (pid ${instance.process.pid})`);
  };
  const stack: LoopStack = {
    beds,
    topicPrefix,
    schemas: Object.fromEntries(LOOP_SERVICES.map((name) => [name, beds[name].schema])) as Record<LoopService, string>,
    output: () =>
      [...started].map((name) => `--- ${name}:\n${beds[name].process.output.slice(-1500)}`).join('\n') ||
      '(no service started)',
    async stop() {
      for (const name of started) await stopChild(beds[name].process);
      for (const name of LOOP_SERVICES) await bestEffort(`close ${name}`, () => beds[name].close());
      for (const schema of [...Object.values(stack.schemas), privacySchema])
        await bestEffort(`drop schema ${schema}`, () => db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      await bestEffort('delete topics', () => deleteTopics(s.brokers, topicPrefix));
    },
  };
  try {
    progress(`starting ${LOOP_SERVICES.join(', ')} on topic prefix ${topicPrefix}`);
    await startOne('response-ingestion');
    await Promise.all(LOOP_SERVICES.filter((name) => name !== 'response-ingestion').map(startOne));
    await addMembers(beds['case-management'], s.members);
  } catch (error) {
    (error as Error).message += `\n${stack.output()}`;
    await stack.stop();
    throw error;
  }
  return stack;
}

async function addMembers(bed: ServiceBed, members: number): Promise<void> {
  const admin = await bed.tokenFor('adam');
  for (let i = 0; i < members; i++) {
    const answer = await bed.post(
      `/teams/${TEAM}/members`,
      { id: `member-${i}`, name: `Member ${i}`, email: `member-${i}@example.com` },
      { token: admin },
    );
    if (answer.status !== 201) throw new Error(`adding member ${i}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}
