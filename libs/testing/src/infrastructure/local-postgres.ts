import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

const DATABASE_DOES_NOT_EXIST = '3D000';

/** Whether the server behind `url` answers; a database that does not exist yet still means it does. */
async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    return (error as { code?: string }).code === DATABASE_DOES_NOT_EXIST;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Makes sure the machine's own PostgreSQL server answers, starting its cluster when it is down. */
export async function ensureLocalPostgres(url: string): Promise<void> {
  if (await answers(url)) return;
  const versions = readdirSync('/etc/postgresql', { withFileTypes: true }).filter((entry) => entry.isDirectory());
  if (versions.length === 0) throw new Error(`PostgreSQL at ${url} does not answer and no local cluster is installed`);
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0].name, 'main', 'start']);
  if (!(await answers(url))) throw new Error(`PostgreSQL at ${url} still does not answer after starting it`);
}
