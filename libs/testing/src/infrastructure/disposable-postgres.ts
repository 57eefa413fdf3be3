import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../free-port';

const run = promisify(execFile);
const SERVER_USER = 'postgres';

/** The newest PostgreSQL server binaries installed on the machine (Debian layout). */
function binaries(): string {
  const root = '/usr/lib/postgresql';
  const installed = existsSync(root) ? readdirSync(root) : [];
  const versions = installed.filter((version) => existsSync(join(root, version, 'bin', 'initdb')));
  if (versions.length === 0) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/**
 * A throw-away PostgreSQL cluster of the test's own (initdb in a temp dir, its own port, trust
 * auth), to stop and start at will: outage tests must never stop the machine's shared server.
 * As root the server runs as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export class DisposablePostgres {
  private readonly bin = binaries();

  private constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  /** Creates and starts a fresh cluster on a free port. */
  static async start(): Promise<DisposablePostgres> {
    const dataDir = mkdtempSync(join(tmpdir(), 'nps-postgres-'));
    const postgres = new DisposablePostgres(await freePort(), dataDir);
    if (userInfo().uid === 0) {
      const { stdout } = await run('id', ['-u', SERVER_USER]);
      const { stdout: gid } = await run('id', ['-g', SERVER_USER]);
      chownSync(dataDir, Number(stdout), Number(gid));
    }
    const initdb = ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync'];
    await postgres.asServerUser(join(postgres.bin, 'initdb'), initdb);
    await postgres.resume();
    return postgres;
  }

  /** A connection URL for `database` on this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server (again) and waits until it accepts connections. */
  async resume(): Promise<void> {
    const options = `-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`;
    const log = join(this.dataDir, 'server.log');
    await this.asServerUser(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-o', options, '-l', log, '-w', 'start']);
  }

  /** Stops the server the way a crash or an operator would: connections are cut at once. */
  async halt(): Promise<void> {
    await this.asServerUser(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  /** Stops the server if it runs and deletes the cluster. */
  async dispose(): Promise<void> {
    await this.halt().catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async asServerUser(command: string, args: string[]): Promise<void> {
    const asRoot = userInfo().uid === 0;
    const argv = asRoot ? ['-u', SERVER_USER, '--', command, ...args] : args;
    await run(asRoot ? 'runuser' : command, argv, { timeout: 60_000 });
  }
}
