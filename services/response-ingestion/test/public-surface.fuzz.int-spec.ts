import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { serviceBed } from '@nps/testing';
import { type FuzzRequest, fuzzRequests } from './fuzz-requests.arbitraries';
import { aSurveyLink, devLinks } from './survey-link.fixtures';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const IN_FLIGHT = 16;
const RSS_LIMIT_MB = 900;
const SMS_SECRET = 'local-development-only-sms-webhook-secret';

// 10,000 generated requests per public endpoint (bad, huge and badly encoded bodies, bad tokens):
// never a 5xx, and the process's memory stays bounded. Rerun one case with FUZZ_SEED (seeded).
describe('public surface under fuzzing', () => {
  // The rate limits would answer most of this with 429 and hide the handlers: raised for this bed.
  const bed = serviceBed({
    service: 'response-ingestion',
    env: {
      RATE_LIMIT_PER_ADDRESS: '100000000',
      RATE_LIMIT_PER_SUBJECT: '100000000',
      RATE_LIMIT_ANSWERS_PER_CLIENT: '100000000',
      LOG_LEVEL: 'fatal',
    },
  });
  const rss: number[] = [];
  let sampler: NodeJS.Timeout | undefined;

  beforeAll(() => {
    // The bed may stop the service before our afterAll clears this: a process gone has no RSS to sample.
    sampler = setInterval(() => {
      const megabytes = rssMegabytes(bed.process.pid);
      if (megabytes !== undefined) rss.push(megabytes);
    }, 250);
  });
  afterAll(() => clearInterval(sampler));

  const endpoints = () => {
    const links = devLinks(bed.url);
    const genuine = Array.from({ length: 40 }, () => links.sign(aSurveyLink({ language: 'en' })));
    return fuzzRequests(genuine, SMS_SECRET);
  };

  it.each(['GET /s/:token', 'POST /s/:token', 'POST /responses', 'POST /sms/inbound', 'POST /imports'])(
    '%s: no 5xx',
    async (endpoint) => {
      // The machine routes carry a real token, so the fuzz reaches their parsing and validation, not the guard.
      const client = { 'POST /responses': 'responses-writer', 'POST /imports': 'importer' }[endpoint];
      const token = client ? await bed.clientToken(client) : undefined;
      const requests = fc
        .sample(endpoints()[endpoint], { numRuns: RUNS, seed: SEED })
        .map((request) =>
          token ? { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } } : request,
        );
      const statuses = new Map<number, number>();
      const serverErrors: string[] = [];
      let refusedConnections = 0;
      await inParallel(requests, IN_FLIGHT, async (request) => {
        const status = await send(bed.url, request).catch(() => {
          refusedConnections++;
          return 0;
        });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) serverErrors.push(`${status} ${summary(request)}`);
      });
      process.stdout.write(`${endpoint}: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
      expect(serverErrors.slice(0, 5)).toEqual([]);
      // A refused or reset connection happens when a 413 closes it mid-upload, never otherwise.
      expect(refusedConnections).toBeLessThanOrEqual(statuses.get(413) ?? 0);
      expect(bed.process.running).toBe(true);
      expect((await fetch(`${bed.url}/health/ready`)).status).toBe(200);
    },
    600000,
  );

  it(`kept its resident memory under ${RSS_LIMIT_MB} MB throughout`, () => {
    expect(rss.length).toBeGreaterThan(10);
    process.stdout.write(`RSS MB: first ${rss[0]}, max ${Math.max(...rss)}, last ${rss.at(-1)}\n`);
    expect(Math.max(...rss)).toBeLessThan(RSS_LIMIT_MB);
  });
});

async function send(url: string, request: FuzzRequest): Promise<number> {
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response.status;
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function summary(request: FuzzRequest): string {
  const body = request.body ? Buffer.from(request.body).toString('utf8').slice(0, 200) : '';
  return `${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 200)} ${body}`;
}

function rssMegabytes(pid: number | undefined): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}
