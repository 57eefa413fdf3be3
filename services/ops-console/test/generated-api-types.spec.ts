import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../../..');
const run = promisify(execFile);

// openapi-typescript's dependencies are ES modules, which jest's CommonJS runtime cannot load:
// the script renders the types in memory, in a process of its own, and prints them.
describe.each(['case-management', 'scoring'])('the console types of %s', (service) => {
  it(`src/api/generated/${service}.ts is generated from docs/openapi/${service}.json (else run npm run openapi:console)`, async () => {
    const { stdout } = await run(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/contracts/openapi-console.ts', '--print', service],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    const committed = readFileSync(join(ROOT, 'services/ops-console/web/src/api/generated', `${service}.ts`), 'utf8');
    expect(committed).toBe(stdout);
  });
});
