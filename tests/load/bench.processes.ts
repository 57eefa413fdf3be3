import type { ServiceProcess } from '@nps/testing';

const running = new Set<ServiceProcess>();

/** Remembers a child process so that it is killed whichever way the benchmark ends. */
export function tracked(child: ServiceProcess): ServiceProcess {
  running.add(child);
  return child;
}

/** SIGTERM, then SIGKILL if the child has not exited within `graceMs`. */
export async function stopChild(child: ServiceProcess, graceMs = 15000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  try {
    if ((await Promise.race([child.stop('SIGTERM'), late])) === 'late') await child.stop('SIGKILL');
  } finally {
    clearTimeout(timer);
    running.delete(child);
  }
}

/**
 * Kills every tracked child on exit, on Ctrl-C and after `timeoutMs`: a benchmark that hangs
 * fails with a message instead of holding the machine.
 */
export function installCleanup(timeoutMs: number): void {
  const killAll = () => running.forEach((child) => void child.stop('SIGKILL'));
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`bench: ${signal}, stopping\n`);
      process.exit(130);
    });
  }
  setTimeout(() => {
    process.stderr.write(`bench: gave up after ${timeoutMs} ms (BENCH_TIMEOUT_MS)\n`);
    process.exit(1);
  }, timeoutMs).unref();
}
