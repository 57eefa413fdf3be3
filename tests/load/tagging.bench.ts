// Root-cause tagging throughput on one core: how many comments per second the tagger (language
// detection, stemming, lexicon with negation/compounds/typos, sentiment, learned model) handles
// in one thread. The measuring lives with the service
// (services/root-cause-tagging/src/throughput/tagging.throughput.ts) and runs here in a process
// of its own, so nothing else shares its thread. Figures and how to read them: docs/benchmarks.md.
//
//   npm run bench:tagging
//
// Settings: BENCH_COMMENTS (default 20000), BENCH_ROUNDS (default 3).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { loadAverage, writeBenchResult } from './bench.results';

interface Measured {
  settings: object;
  figures: object;
}

const loadBefore = loadAverage();
let measured: Measured | undefined;
const child = spawn(
  process.execPath,
  ['-r', '@swc-node/register', 'services/root-cause-tagging/src/throughput/tagging.throughput.ts'],
  {
    cwd: resolve(__dirname, '../..'),
    env: process.env,
    // The figures come back as one message over the IPC channel; the table goes to stdout as before.
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  },
);
child.on('message', (message) => (measured = message as Measured));
child.on('exit', (code, signal) => {
  const exitCode = code ?? (signal ? 1 : 0);
  if (exitCode !== 0) process.exit(exitCode);
  if (!measured) {
    process.stderr.write('bench failed: the throughput run sent no figures\n');
    process.exit(1);
  }
  const file = writeBenchResult('tagging', { command: 'npm run bench:tagging', ...measured, loadBefore });
  process.stderr.write(`bench: written to ${file}\n`);
  process.exit(0);
});
