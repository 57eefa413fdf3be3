import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freshName, testDatabaseUrl, testKafkaBrokers } from '@nps/testing';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

async function sql(databaseUrl: string, text: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>(text);
    return Array.isArray(result) ? [] : result.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

// `npm run reset` (scripts/reset.sh) on a database and run dir of its own: what it wipes, what it
// keeps, and when it refuses. The README loop test covers "refuses while `npm start` runs".
describe('npm run reset', () => {
  const database = freshName('nps_reset');
  const databaseUrl = Object.assign(new URL(testDatabaseUrl()), { pathname: `/${database}` }).toString();
  let runDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await sql(testDatabaseUrl(), `CREATE DATABASE "${database}"`);
  });

  beforeEach(async () => {
    runDir = mkdtempSync(join(tmpdir(), 'nps-reset-'));
    // A port offset nothing listens on; Kafka given, so the local broker's state is not reset's to wipe.
    env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: testKafkaBrokers(),
      NPS_RUN_DIR: runDir,
      NPS_PORT_OFFSET: '29000',
    };
    await sql(databaseUrl, 'CREATE SCHEMA IF NOT EXISTS scoring; CREATE TABLE IF NOT EXISTS scoring.kept (x int)');
    await sql(databaseUrl, 'CREATE SCHEMA IF NOT EXISTS case_management; CREATE SCHEMA IF NOT EXISTS mine');
  });

  afterEach(() => rmSync(runDir, { recursive: true, force: true }));

  afterAll(async () => {
    await sql(testDatabaseUrl(), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  const schemas = () => sql(databaseUrl, 'SELECT nspname AS name FROM pg_namespace ORDER BY nspname');

  it("with --yes: drops the services' schemas, keeps other schemas, empties the run dir but its tools", async () => {
    mkdirSync(join(runDir, 'logs'));
    mkdirSync(join(runDir, 'tools'));
    writeFileSync(join(runDir, 'up.pids'), '999999\n');
    const { stdout } = await run('bash', ['scripts/reset.sh', '--yes'], { cwd: ROOT, env });
    expect(stdout).toContain(`the schemas case_management scoring in database ${database}`);
    expect(stdout).toContain('is not the local broker: its topics stay');
    expect(await schemas()).toEqual(expect.arrayContaining(['mine', 'public']));
    expect(await schemas()).not.toEqual(expect.arrayContaining(['scoring']));
    expect(await schemas()).not.toEqual(expect.arrayContaining(['case_management']));
    expect(readdirSync(runDir)).toEqual(['tools']);
  });

  it('without --yes and without a terminal: refuses and wipes nothing', async () => {
    await expect(run('bash', ['scripts/reset.sh'], { cwd: ROOT, env })).rejects.toThrow(/no terminal to confirm on/);
    expect(await schemas()).toEqual(expect.arrayContaining(['scoring', 'case_management']));
  });

  it("refuses the tests' database nps_test", async () => {
    const testDatabase = Object.assign(new URL(databaseUrl), { pathname: '/nps_test' }).toString();
    await expect(
      run('bash', ['scripts/reset.sh', '--yes'], { cwd: ROOT, env: { ...env, DATABASE_URL: testDatabase } }),
    ).rejects.toThrow(/tests' database nps_test/);
  });

  it('refuses while a process `npm start` started lives', async () => {
    writeFileSync(join(runDir, 'up.pids'), `${process.pid}\n`);
    await expect(run('bash', ['scripts/reset.sh', '--yes'], { cwd: ROOT, env })).rejects.toThrow(/still running/);
    expect(existsSync(join(runDir, 'up.pids'))).toBe(true);
    expect(await schemas()).toEqual(expect.arrayContaining(['scoring']));
  });
});
