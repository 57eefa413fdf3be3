import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const PROMTOOL = process.env.PROMTOOL_PATH ?? 'promtool';

/** Prometheus' own rule checker and unit tester (Debian package `prometheus`; scripts/test.sh installs it). */
export function promtoolVersion(): string {
  const run = spawnSync(PROMTOOL, ['--version'], { encoding: 'utf8' });
  if (run.error)
    throw new Error(
      `${PROMTOOL} not found: apt-get install -y --no-install-recommends prometheus (${run.error.message})`,
    );
  return run.stdout.split('\n')[0];
}

/**
 * `promtool test rules` of `tests` (promtool's test-file shape) against `groups` (a PrometheusRule's spec.groups):
 * its exit status and output, which names each failing alert and what it got.
 */
export function testRules(groups: unknown[], tests: unknown[]): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'promtool-'));
  try {
    writeFileSync(join(dir, 'rules.yaml'), stringify({ groups }));
    writeFileSync(
      join(dir, 'tests.yaml'),
      stringify({ rule_files: ['rules.yaml'], evaluation_interval: '1m', tests }, { lineWidth: 0 }),
    );
    const run = spawnSync(PROMTOOL, ['test', 'rules', 'tests.yaml'], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
