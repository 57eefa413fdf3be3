import { BaseEnv } from '@nps/config';
import { runServiceCli } from './service.cli';

const service = { name: 'scoring', env: BaseEnv, schema: 'scoring', entities: [], migrations: [] };

describe('runServiceCli migrate:revert', () => {
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    stderr.mockRestore();
    process.exitCode = undefined;
  });

  it.each(['0', '-1', '1.5', 'all', '1000000'])(
    'refuses the count "%s" before touching the database',
    async (count) => {
      await runServiceCli(service, ['migrate:revert', count]);
      expect(process.exitCode).toBe(2);
      expect(stderr.mock.calls.join('')).toContain(
        `scoring: migrate:revert takes a whole number above 0 (got "${count}")`,
      );
    },
  );
});
