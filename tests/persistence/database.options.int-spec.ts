import { dataSourceOptions } from '@nps/persistence';
import { freshSchema, testDatabaseUrl } from '@nps/testing';
import { DataSource } from 'typeorm';

// DATABASE_STATEMENT_TIMEOUT_MS and DATABASE_POOL_SIZE reach every pooled connection (docs/adr/0026).
describe('pool settings against a real database', () => {
  let dataSource: DataSource | undefined;

  afterEach(() => dataSource?.destroy());

  async function connect(statementTimeoutMs?: number): Promise<DataSource> {
    const schema = await freshSchema('pool_settings');
    const options = { url: testDatabaseUrl(), schema, entities: [], migrations: [], poolSize: 3, statementTimeoutMs };
    dataSource = new DataSource(dataSourceOptions(options));
    return dataSource.initialize();
  }

  /** `SHOW statement_timeout` on `n` connections checked out of the pool at the same time. */
  async function timeoutsOfConnections(source: DataSource, n: number): Promise<{ pid: number; timeout: string }[]> {
    const runners = Array.from({ length: n }, () => source.createQueryRunner());
    try {
      return await Promise.all(
        runners.map(async (runner) => {
          const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
          const [{ statement_timeout: timeout }] = await runner.query('SHOW statement_timeout');
          return { pid, timeout };
        }),
      );
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
  }

  it('sets statement_timeout on every pooled connection, and cancels a longer statement', async () => {
    const source = await connect(1500);
    const connections = await timeoutsOfConnections(source, 3);
    expect(new Set(connections.map((c) => c.pid)).size).toBe(3);
    expect(connections.map((c) => c.timeout)).toEqual(['1500ms', '1500ms', '1500ms']);
    await expect(source.query('SELECT pg_sleep(3)')).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '57014' }), // query_canceled
    });
  });

  it('sets none by default', async () => {
    const source = await connect();
    expect((await timeoutsOfConnections(source, 1))[0].timeout).toBe('0');
  });
});
