// What one poll for held touchpoints (ADR 0066) costs Postgres while many wait for their customer's import, against
// the claim as first written, in the same run. The measuring lives with the service
// (services/survey-dispatch/test/held-trigger-polls.timing.ts) and runs here in a process of its own.
//
//   npm run bench:held-triggers
//
// Settings: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/nps_test), BENCH_CUSTOMERS (500000),
// BENCH_HELD (100000), BENCH_POLLS (20 per phase). Postgres only. Figures: docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { loadAverage, writeBenchResult } from './bench.results';

interface Measured {
  settings: object;
  figures: object;
  baseline: object;
}

const loadBefore = loadAverage();
let measured: Measured | undefined;
const child = spawn(
  process.execPath,
  ['-r', '@swc-node/register', 'services/survey-dispatch/test/held-trigger-polls.timing.ts'],
  { cwd: resolve(__dirname, '../..'), env: process.env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] },
);
child.on('message', (message) => (measured = message as Measured));
child.on('exit', (code, signal) => {
  const exitCode = code ?? (signal ? 1 : 0);
  if (exitCode !== 0) process.exit(exitCode);
  if (!measured) {
    process.stderr.write('bench failed: the timing run sent no figures\n');
    process.exit(1);
  }
  const file = writeBenchResult('held-triggers', {
    command: 'npm run bench:held-triggers',
    ...measured,
    loadBefore,
  });
  process.stderr.write(`bench: written to ${file}\n`);
  process.exit(0);
});
