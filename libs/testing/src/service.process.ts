import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { expectEventually, GiveUpError } from './expect-eventually';

const ROOT = resolve(__dirname, '../../..');

/** How a process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcessOptions {
  /**
   * Entry file relative to the repository root: `services/scoring/src/main.ts` runs from source,
   * `dist/services/scoring/src/main.js` as built by `npm run build` (as `npm start` runs it);
   * a `.sh` file runs in bash (`scripts/up.sh` is `npm start`).
   */
  entry: string;
  /** Added to this process's environment; with `inherit: false`, the whole environment. */
  env: NodeJS.ProcessEnv;
  inherit?: boolean;
}

/**
 * A service (or test fixture, or `npm start`) running in a process of its own, the way it runs in
 * production: kill it, signal it, read its output.
 */
export class ServiceProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<ProcessExit>;
  /** Exited, and everything it wrote has been read ('close' comes after 'exit' and the last output). */
  private done = false;
  output = '';

  private constructor(options: ServiceProcessOptions) {
    const loader = options.entry.endsWith('.ts') ? ['-r', '@swc-node/register'] : [];
    const [command, args] = options.entry.endsWith('.sh')
      ? ['bash', [options.entry]]
      : [process.execPath, [...loader, options.entry]];
    this.child = spawn(command, args, {
      cwd: ROOT,
      env: options.inherit === false ? options.env : { ...process.env, LOG_LEVEL: 'info', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = once(this.child, 'exit').then(([code, signal]) => ({ code, signal }));
    this.child.once('close', () => (this.done = true));
  }

  static start(options: ServiceProcessOptions): ServiceProcess {
    return new ServiceProcess(options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits until `GET url` answers `status`, failing early if the process dies. */
  async waitForHttp(url: string, status = 200, timeoutMs = 60000): Promise<void> {
    await expectEventually(
      async () => {
        if (!this.running) throw this.exitedError(`process exited before ${url} answered`);
        const response = await fetch(url).catch((error: Error) => ({ status: `unreachable (${error.message})` }));
        if (response.status !== status) throw new Error(`${url} answered ${response.status}, expected ${status}`);
      },
      { timeoutMs, intervalMs: 250 },
    );
  }

  /** Waits until the process output contains `text`, failing early if the process dies. */
  async waitForOutput(text: string, timeoutMs = 60000): Promise<void> {
    await expectEventually(
      () => {
        if (!this.output.includes(text)) {
          if (!this.running) throw this.exitedError(`process exited without printing "${text}"`);
          throw new Error(`no "${text}" in the output yet`);
        }
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** Ends a wait at once (GiveUpError) when all the process wrote has been read; until then it is retried. */
  private exitedError(what: string): Error {
    const message = `${what}:\n${this.output.slice(-3000)}`;
    return this.done ? new GiveUpError(message) : new Error(message);
  }

  /** Sends `signal` and resolves with how the process ended. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<ProcessExit> {
    if (this.running) this.child.kill(signal);
    return this.exited;
  }
}
