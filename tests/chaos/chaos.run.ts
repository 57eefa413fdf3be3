import { LocalIssuer } from '@nps/testing';
import { chaosAnswers, importLines } from './chaos.answers';
import { type Check, progress, settled, verify } from './chaos.checks';
import { RetryingClient } from './chaos.client';
import { type Fault, FaultSchedule, faultPlan } from './chaos.faults';
import { CHAOS_SERVICES, ChaosStack, type Restart } from './chaos.stack';

export interface ChaosOptions {
  answers: number;
  importRows: number;
  killsPerService: number;
  postgresOutageMs: number;
  /** How long the answers are spread over; the faults strike during it. */
  seconds: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Answers per `POST /responses/batch`, which every other request is (1: none). */
  batch: number;
  /** Give up when the platform has not moved for this long after the faults. */
  stallMs: number;
  log?: (line: string) => void;
}

export interface ChaosResult {
  options: Omit<ChaosOptions, 'log'>;
  checks: Check[];
  faults: { fault: string; ms: number }[];
  restartToReadyMs: { p50: number; max: number; count: number };
  /** Each restart: kill to ready, and where the new process's own start went (code loaded, init, listening). */
  restarts: Restart[];
  statuses: Record<string, number>;
  unreachable: number;
  seconds: { load: number; settle: number; total: number };
  passed: boolean;
  /** When a check failed: the last warnings and errors the services printed (ChaosStack.troubles). */
  troubles?: string[];
}

const TROUBLE_LINES = 80;

const TEAM = 'customer-care';

/**
 * Issue #14's fault run: answers through the JSON API and a bulk import while services are
 * SIGKILLed, the broker restarts and PostgreSQL stops; then every check of the issue.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => undefined);
  const startedAt = performance.now();
  const run = `chaos-${Date.now().toString(36)}`;
  log(`starting the stack (5 services, a broker and a PostgreSQL cluster of its own)`);
  // Callers hold real tokens from a real OIDC issuer, as partner systems and operators do.
  const issuer = await LocalIssuer.start();
  // One partner system with one token sends every answer: the public rate limits are for the survey page.
  const limits = {
    RATE_LIMIT_PER_ADDRESS: '100000000',
    RATE_LIMIT_PER_SUBJECT: '100000000',
    RATE_LIMIT_ANSWERS_PER_CLIENT: '100000000',
  };
  const env = { ...issuer.env, ...limits, CONSUMER_LAG_INTERVAL_MS: '5000' };
  const stack = await ChaosStack.start(env).catch(async (error) => {
    await issuer.stop();
    throw error;
  });
  try {
    await addCaseOwners(stack, await issuer.token('adam'));
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const writer = bearer(await issuer.token('responses-writer', { scopes: ['responses:write'] }));
    const importer = bearer(await issuer.token('importer', { scopes: ['imports:write'] }));
    const reader = bearer(await issuer.token('nps-reader', { scopes: ['nps:read'] }));
    const client = new RetryingClient(
      () => stack.urls['response-ingestion'],
      (path) => (path.startsWith('/imports') ? importer : writer),
    );
    const answers = chaosAnswers(options.answers, run);
    const plan = faultPlan(CHAOS_SERVICES, options.killsPerService);
    const faults: ChaosResult['faults'] = [];

    const { answers: n, importRows, seconds } = options;
    log(`sending ${n} answers over ${seconds} s and importing ${importRows} rows; ${plan.length} faults meanwhile`);
    const loadStartedAt = performance.now();
    const schedule = new FaultSchedule(plan, n, async (fault) => {
      const ms = await inject(stack, fault, options.postgresOutageMs);
      faults.push({ fault: describe(fault), ms });
      log(`  ${describe(fault)}: ${ms} ms`);
    });
    const importId = `${run}-import`;
    const [imported] = await Promise.all([
      // Asked to be followed up: the case-opening policy would skip a year-old import otherwise.
      client.importLines(importId, importLines(importRows, run), true),
      client.sendAll(answers, options.concurrency, n / seconds, (index) => schedule.gate(index), options.batch),
    ]);
    await schedule.finished();
    const loadSeconds = (performance.now() - loadStartedAt) / 1000;

    log('waiting for the platform to settle');
    const settleStartedAt = performance.now();
    await untilSettled(stack, options.stallMs, log);
    const imports = { importId, accepted: imported.accepted };
    const checks = await verify(stack, client.tally, imports, stack.urls.scoring, reader);
    const ready = stack.restarts.map((r) => r.readyMs).sort((a, b) => a - b);
    const passed = checks.every((check) => check.ok);
    return {
      options: { ...options, log: undefined } as ChaosResult['options'],
      checks,
      faults,
      restartToReadyMs: { p50: ready[Math.floor(ready.length / 2)] ?? 0, max: ready.at(-1) ?? 0, count: ready.length },
      restarts: stack.restarts,
      statuses: client.tally.statuses,
      unreachable: client.tally.unreachable,
      seconds: {
        load: round(loadSeconds),
        settle: round((performance.now() - settleStartedAt) / 1000),
        total: round((performance.now() - startedAt) / 1000),
      },
      passed,
      troubles: passed ? undefined : stack.troubles().slice(-TROUBLE_LINES),
    };
  } finally {
    await stack.close();
    await issuer.stop();
  }
}

async function inject(stack: ChaosStack, fault: Fault, postgresOutageMs: number): Promise<number> {
  if (fault.kind === 'kill') return (await stack.kill(fault.service)).readyMs;
  if (fault.kind === 'broker') return stack.restartBroker();
  const startedAt = performance.now();
  await stack.postgresOutage(postgresOutageMs);
  return Math.round(performance.now() - startedAt);
}

function describe(fault: Fault): string {
  if (fault.kind === 'kill') return `SIGKILL ${fault.service}, restart until ready`;
  return fault.kind === 'broker' ? 'restart the broker' : 'stop PostgreSQL';
}

/** Three members in the default team, so that every case gets an owner. */
async function addCaseOwners(stack: ChaosStack, adminToken: string): Promise<void> {
  for (const id of ['agent-1', 'agent-2', 'agent-3']) {
    const response = await fetch(`${stack.urls['case-management']}/teams/${TEAM}/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, name: id, email: `${id}@example.com` }),
    });
    if (response.status !== 201) throw new Error(`adding ${id}: ${response.status} ${await response.text()}`);
  }
}

/** Waits until every answer went all the way through, or nothing moved for `stallMs`. */
async function untilSettled(stack: ChaosStack, stallMs: number, log: (line: string) => void): Promise<void> {
  let last = '';
  let movedAt = Date.now();
  for (;;) {
    const now = await progress(stack).catch(() => undefined);
    if (now && settled(now)) return;
    const seen = JSON.stringify(now);
    if (seen !== last) {
      last = seen;
      movedAt = Date.now();
      log(`  ${seen}`);
    }
    if (Date.now() - movedAt > stallMs) return log(`  no progress for ${stallMs} ms: checking as it stands`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;
