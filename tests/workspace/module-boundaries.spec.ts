import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// Proves the lint rule that keeps dependencies one-way really bites (and is not skipped).
describe('module boundaries (lint)', () => {
  const root = resolve(__dirname, '../..');

  beforeAll(() => {
    // The Nx rule reads the cached project graph and silently skips itself without one.
    execFileSync(process.execPath, [resolve(root, 'node_modules/.bin/nx'), 'show', 'projects'], {
      cwd: root,
      stdio: 'ignore',
    });
  });

  // The ESLint CLI, as `npm run lint` runs it, on code given through stdin as if it were `file`.
  async function boundaryErrors(file: string, code: string): Promise<string[]> {
    const eslint = spawnSync(
      process.execPath,
      [resolve(root, 'node_modules/.bin/eslint'), '--format', 'json', '--stdin', '--stdin-filename', file],
      {
        cwd: root,
        input: code,
        encoding: 'utf8',
      },
    );
    const [result] = JSON.parse(eslint.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  }

  it('rejects a service importing another service', async () => {
    const errors = await boundaryErrors(
      'services/scoring/src/probe.ts',
      "import { CaseManagementEnv } from '../../case-management/src/case-management.env';\nexport const probe = CaseManagementEnv;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('rejects a lib importing a service', async () => {
    const errors = await boundaryErrors(
      'libs/config/src/probe.ts',
      "import { ScoringEnv } from '../../../services/scoring/src/scoring.env';\nexport const probe = ScoringEnv;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('rejects a relative import of a lib instead of its @nps alias', async () => {
    const errors = await boundaryErrors(
      'services/scoring/src/probe.ts',
      "import { BaseEnv } from '../../../libs/config/src';\nexport const probe = BaseEnv;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('accepts a service importing a lib through its alias', async () => {
    expect(
      await boundaryErrors(
        'services/scoring/src/probe.ts',
        "import { BaseEnv } from '@nps/config';\nexport const probe = BaseEnv;\n",
      ),
    ).toEqual([]);
  });
});
