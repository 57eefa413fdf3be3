import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface LintProbe {
  /** Where the code would live: decides which rules and project tags apply. */
  file: string;
  code: string;
}

export interface LintMessage {
  ruleId: string | null;
  message: string;
}

const root = resolve(__dirname, '../..');

// One ESLint process with the workspace config for every probe: starting one per probe costs
// seconds each (config, parser and Nx project graph load anew).
const script = `
const { ESLint } = require('eslint');
const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const results = [];
  for (const probe of probes) {
    const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
    results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
  }
  process.stdout.write(JSON.stringify(results));
})();
`;

/** Lints each probe's code as if it were its file, without writing anything to the tree. */
export function lintProbes(probes: LintProbe[]): LintMessage[][] {
  // The Nx rule reads the cached project graph and silently skips itself without one.
  execFileSync(process.execPath, [resolve(root, 'node_modules/.bin/nx'), 'show', 'projects'], {
    cwd: root,
    stdio: 'ignore',
  });
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: root,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintMessage[][];
}
