import { SchemaTables } from '@nps/persistence';
import { freePort } from '@nps/testing';
import type { Request, Response } from 'express';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { DomainError } from '../problems/domain.error';
import { RateLimits } from './rate-limits';

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
