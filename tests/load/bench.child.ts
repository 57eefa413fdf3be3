import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { type BenchResultInput, loadAverage, writeBenchResult } from './bench.results';

/** What a measuring process sends back over its IPC channel, once. */
type Measured = Pick<BenchResultInput, 'settings' | 'figures' | 'baseline'>;

/**
 * Runs `script` (a path from the repository root) in a Node process of its own, so nothing else shares its
 * thread, and writes the figures it sends back as `results/<name>.json`; its printed table goes to stdout as is.
 * Exits with the child's failure, or 1 when it sent nothing.
 */
export function benchInChild(name: string, script: string): void {
  const loadBefore = loadAverage();
  let measured: Measured | undefined;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: resolve(__dirname, '../..'),
    env: process.env,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (message) => (measured = message as Measured));
  child.on('exit', (code, signal) => {
    const exitCode = code ?? (signal ? 1 : 0);
    if (exitCode !== 0) process.exit(exitCode);
    if (!measured) {
      process.stderr.write(`bench failed: ${script} sent no figures\n`);
      process.exit(1);
    }
    const file = writeBenchResult(name, { command: `npm run bench:${name}`, ...measured, loadBefore });
    process.stderr.write(`bench: written to ${file}\n`);
    process.exit(0);
  });
}
