import { SchemaTables } from '@nps/persistence';
import { freePort, freshSchema, migratedDataSource } from '@nps/testing';
import type { Request, Response } from 'express';
import { Pool, type QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { DomainError } from '../problems/domain.error';
import { RateLimitTables1765000000000 } from './rate-limit.tables';
import { RateLimits } from './rate-limits';

const responseStub = () => ({ setHeader: () => undefined }) as unknown as Response;

// Bursts on one counter against a real Postgres: every request counted once, answered in arrival order,
// and one instance's concurrent requests of a key share an upsert of its row (ADR 0053).
describe('RateLimits against a real database', () => {
  let dataSource: DataSource;
  let schema: string;

  beforeAll(async () => {
    schema = await freshSchema('rate_limits');
    dataSource = await migratedDataSource(schema, [RateLimitTables1765000000000]);
  });
  afterAll(() => dataSource?.destroy());

  const policy = (name: string, perAddress: number) => ({
    name,
    windowSeconds: 60,
    perAddress,
    perSubject: 1000,
    subjects: () => [],
  });
  /** Sends `count` requests from one address at once; the indexes of those let through, in order. */
  async function burst(middleware: ReturnType<RateLimits['middleware']>, count: number): Promise<number[]> {
    const passed: number[] = [];
    const outcomes = await Promise.allSettled(
      Array.from({ length: count }, (_, i) =>
        middleware({ ip: '192.0.2.7', socket: {} } as Request, responseStub(), () => passed.push(i)),
      ),
    );
    for (const outcome of outcomes)
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    return passed.sort((a, b) => a - b);
  }
  const stored = async (name: string) =>
    (await dataSource.query(`SELECT points FROM "${schema}".rate_limits WHERE key LIKE $1`, [`${name}:ip%`])) as {
      points: number;
    }[];

  it('lets through the first requests of a burst up to the limit and counts every request once', async () => {
    const middleware = new RateLimits(dataSource, new SchemaTables(schema)).middleware(policy('burst', 7));
    expect(await burst(middleware, 10)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(await stored('burst')).toEqual([{ points: 10 }]);
  });

  it('holds the limit across two instances bursting at once on one counter', async () => {
    const instances = [0, 1].map(() =>
      new RateLimits(dataSource, new SchemaTables(schema)).middleware(policy('two', 7)),
    );
    const passed = await Promise.all(instances.map((middleware) => burst(middleware, 10)));
    expect(passed[0].length + passed[1].length).toBe(7);
    expect(await stored('two')).toEqual([{ points: 20 }]);
  });

  it("sends one instance's concurrent requests of one key to the store together: two upserts for ten requests", async () => {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const upserts = jest.spyOn(pool, 'query');
    try {
      const middleware = new RateLimits(dataSource, new SchemaTables(schema)).middleware(policy('shared', 100));
      expect(await burst(middleware, 10)).toHaveLength(10);
      const names = upserts.mock.calls.map(([query]) => (query as unknown as QueryConfig).name ?? '');
      expect(names.filter((name) => name.endsWith('rlflx-upsert'))).toHaveLength(2);
      expect(await stored('shared')).toEqual([{ points: 10 }]);
    } finally {
      upserts.mockRestore();
    }
  });

  it('counts a request of several points as that many, in arrival order, sharing the upsert with its neighbours', async () => {
    const limit = new RateLimits(dataSource, new SchemaTables(schema)).subjectLimit('weighted', 6, 60);
    const outcomes = await Promise.allSettled([3, 1, 3, 2].map((points) => limit('client-a', responseStub(), points)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    const counted = (await dataSource.query(`SELECT points FROM "${schema}".rate_limits WHERE key LIKE $1`, [
      'weighted:client%',
    ])) as { points: number }[];
    expect(counted).toEqual([{ points: 9 }]);
  });
});

// With Postgres unreachable the limits still hold, per instance, in memory (docs/security.md, Public surface).
describe('RateLimits when Postgres is unreachable', () => {
  let pool: Pool;

  beforeAll(async () => {
    // A real pool on a port nobody listens on: every query fails with ECONNREFUSED.
    pool = new Pool({ host: '127.0.0.1', port: await freePort(), user: 'nobody', connectionTimeoutMillis: 1000 });
  });
  afterAll(() => pool.end());

  it('falls back to in-memory counters: the third request of two allowed gets 429 with Retry-After', async () => {
    const dataSource = { driver: { master: pool } } as unknown as DataSource;
    const limits = new RateLimits(dataSource, new SchemaTables('nowhere'));
    const middleware = limits.middleware({
      name: 'outage',
      windowSeconds: 30,
      perAddress: 2,
      perSubject: 100,
      subjects: () => ['a-token'],
    });
    const headers: Record<string, string> = {};
    const response = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response;
    const request = { ip: '203.0.113.9', socket: {} } as Request;
    const passed: number[] = [];
    await middleware(request, response, () => passed.push(1));
    await middleware(request, response, () => passed.push(2));
    expect(passed).toEqual([1, 2]);
    const refused = await middleware(request, response, () => passed.push(3)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(passed).toEqual([1, 2]);
  });
});
