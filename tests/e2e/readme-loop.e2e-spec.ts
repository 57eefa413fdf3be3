import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  expectEventually,
  freshName,
  freshTopicPrefix,
  launchChromium,
  ServiceProcess,
  testDatabaseUrl,
} from '@nps/testing';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

/** The bash block of the README's "Closing one loop by hand": before and after its manual step 4. */
function readmeLoop(): { ask: string; check: string } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Closing one loop by hand'));
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('no bash block in the README section "Closing one loop by hand"');
  const step4 = block.indexOf('# 4.');
  const step5 = block.indexOf('# 5.');
  if (step4 < 0 || step5 < 0) throw new Error('the README loop lost its steps 4 and 5');
  return { ask: block.slice(0, step4), check: block.slice(step5) };
}

/** Whether nothing listens on `port` of 127.0.0.1. */
function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** An NPS_PORT_OFFSET under the ephemeral range whose ports (services, issuer, mailbox) are all free. */
async function freePortOffset(): Promise<number> {
  const basePorts = [1025, 1080, 3001, 3002, 3003, 3004, 3005, 3010];
  for (let attempt = 0; attempt < 50; attempt++) {
    const offset = 10000 + Math.floor(Math.random() * 18000);
    const free = await Promise.all(basePorts.map((port) => portFree(port + offset)));
    if (free.every(Boolean)) return offset;
  }
  throw new Error('no free port offset');
}

/** `npm start` (scripts/up.sh) in the background, once it says the platform is up; stop() is Ctrl-C. */
async function startStack(env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  const stack = ServiceProcess.start({ entry: 'scripts/up.sh', env, inherit: false });
  await stack.waitForOutput('NPS platform is up', 150000);
  return stack;
}

interface LogLine {
  level?: number;
}

/** Pino lines at warn (40) or above, and lines that are not JSON, of every log in `dir`. */
function loudLines(dir: string, names: string[]): string[] {
  return names.flatMap((name) =>
    readFileSync(join(dir, `${name}.log`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .filter((line) => {
        try {
          return ((JSON.parse(line) as LogLine).level ?? 0) >= 40;
        } catch {
          return true;
        }
      })
      .map((line) => `${name}: ${line.slice(0, 400)}`),
  );
}

const SERVICES = ['survey-dispatch', 'response-ingestion', 'scoring', 'root-cause-tagging', 'case-management'];

// The README's loop as a newcomer runs it: `npm start`, the commands pasted into a shell, the
// survey mail clicked in the local mailbox; then `npm run reset` and the same once more.
describe('the README loop against `npm start`, twice with `npm run reset` between', () => {
  const loop = readmeLoop();
  const runDir = mkdtempSync(join(tmpdir(), 'nps-readme-'));
  const database = freshName('nps_readme');
  const databaseUrl = Object.assign(new URL(testDatabaseUrl()), { pathname: `/${database}` }).toString();
  let offset: number;
  let env: NodeJS.ProcessEnv;
  let stack: ServiceProcess | undefined;
  let browser: Browser;

  async function admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    offset = await freePortOffset();
    // Not created here: as on a fresh machine, the services starting at once create it.
    const { SMTP_URL, OIDC_ISSUER, SURVEY_PAGE_URL, ...inherited } = process.env;
    void [SMTP_URL, OIDC_ISSUER, SURVEY_PAGE_URL];
    env = {
      ...inherited,
      DATABASE_URL: databaseUrl,
      KAFKA_TOPIC_PREFIX: freshTopicPrefix('readme'),
      NPS_PORT_OFFSET: String(offset),
      NPS_RUN_DIR: runDir,
      QUIET_HOURS: 'off',
    };
    browser = await launchChromium();
  }, 60000);

  afterAll(async () => {
    await stack?.stop();
    await browser?.close();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    rmSync(runDir, { recursive: true, force: true });
  }, 60000);

  /** A README command with its ports shifted like the stack's, in bash from the repository root. */
  async function bash(script: string): Promise<string> {
    const shifted = script.replace(/localhost:(\d{4})\b/g, (_, port: string) => `localhost:${Number(port) + offset}`);
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', shifted], {
      cwd: ROOT,
      env: { ...env, OIDC_ISSUER: `http://127.0.0.1:${3010 + offset}` },
      maxBuffer: 10 * 1024 * 1024,
    });
    return stdout;
  }

  /** Step 4 by hand: the mailbox's web UI, 2 in the survey mail, the survey page, a comment. */
  async function answerInTheMailbox(): Promise<void> {
    const mailbox = `http://127.0.0.1:${1080 + offset}`;
    const subject = 'Hoe waarschijnlijk is het dat u ons aanbeveelt?';
    await expectEventually(
      async () => {
        const mails = (await (await fetch(`${mailbox}/api/email`)).json()) as { subject: string }[];
        expect(mails.map((mail) => mail.subject)).toContain(subject);
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(mailbox);
    await page.getByText(subject).first().click();
    const mail = page.frameLocator('iframe[title="Email HTML content"]');
    // The mailbox opens a mail's links in a new tab (deploy/local/mailbox.js): the survey page, 2 chosen.
    // On a busy machine the mail pane can take a while: wait for the link before clicking it.
    const two = mail.getByRole('link', { name: '2', exact: true });
    await two.waitFor({ timeout: 90000 });
    // Only once the pane's document has the proxy's <base target="_blank">: without it the link opens in the pane
    // itself, where the survey page refuses to be framed, and no tab comes.
    await mail.locator('base[target="_blank"]').waitFor({ state: 'attached', timeout: 90000 });
    const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 90000 }), two.click()]).catch(
      async (error: Error) => {
        const pane = await page.locator('iframe[title="Email HTML content"]').getAttribute('src');
        throw new Error(`${error.message}\nno tab opened; the mail pane's src: ${pane}, the mailbox at ${page.url()}`);
      },
    );
    const question = 'Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?';
    await tab.getByRole('group', { name: question }).waitFor();
    expect(tab.url()).toContain(`http://127.0.0.1:${3002 + offset}/s/`);
    expect(new URL(tab.url()).searchParams.get('score')).toBe('2');
    // The page's script saves the one-click score; then the comment, as a customer would.
    await tab.getByText('Dank u, uw score 2 is opgeslagen.').waitFor();
    await tab.getByLabel('Waarom geeft u deze score? (optioneel)').fill('De levering was twee weken te laat');
    await tab.getByRole('button', { name: 'Versturen' }).click();
    await tab
      .getByRole('heading', { name: 'Dank u wel' })
      .waitFor()
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nthe page at ${tab.url()} says:\n${await tab.locator('body').innerText()}`);
      });
    await context.close();
  }

  async function closeTheLoop(): Promise<void> {
    const asked = await bash(`${loop.ask}\ndeclare -p C CRM NINA TOKEN > "${runDir}/loop.vars"`);
    expect(asked).toContain('"imported":1');
    await answerInTheMailbox();
    const customer = readFileSync(join(runDir, 'loop.vars'), 'utf8').match(/C="(c-\d+)"/)?.[1];
    expect(customer).toBeDefined();
    await expectEventually(
      async () => expect(await bash(`source "${runDir}/loop.vars"\n${loop.check}`)).toContain(`"${customer}"`),
      { timeoutMs: 60000, intervalMs: 1000 },
    );
  }

  it('starts quietly, closes the loop, resets to nothing and closes it again', async () => {
    stack = await startStack(env);
    expect(stack.output).toContain(`open http://127.0.0.1:${1080 + offset}`);
    expect(loudLines(join(runDir, 'logs'), SERVICES)).toEqual([]);
    await closeTheLoop();

    await expect(run('bash', ['scripts/reset.sh', '--yes'], { cwd: ROOT, env })).rejects.toThrow(/answers on port/);
    await stack.stop();
    stack = undefined;
    const reset = await run('npm', ['run', 'reset', '--yes'], { cwd: ROOT, env });
    expect(reset.stdout).toContain('reset done');
    expect(readdirSync(runDir)).toEqual([]);

    stack = await startStack(env);
    await closeTheLoop();
  }, 420000);
});
