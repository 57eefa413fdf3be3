import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  expectEventually,
  freePort,
  launchChromium,
  type ServiceBed,
  ServiceProcess,
  serviceStack,
  sharedLocalIssuer,
  SmtpInbox,
} from '@nps/testing';
import type { Browser, Page } from 'playwright-core';
import { ensureConsoleBuilt } from './console.build';

const ROOT = resolve(__dirname, '../../..');
const STACK = ['response-ingestion', 'scoring', 'root-cause-tagging', 'case-management'] as const;
type StackService = (typeof STACK)[number];
/** The team a fresh install routes every case to (case-management's default routing). */
export const DEFAULT_TEAM = 'customer-care';

export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- API bodies are checked by matchers
  body: any;
}

export interface DetractorAnswer {
  customerId?: string;
  score?: number;
  comment?: string;
  language?: 'en' | 'nl' | 'de' | 'fr';
}

export interface ConsoleStack {
  /** `http://127.0.0.1:<port>` of the ops console (its server, serving the built page). */
  readonly url: string;
  /** The local issuer's URL (the login page lives there). */
  readonly issuerUrl: string;
  /** Base URLs of the services behind the console. */
  readonly urls: Record<StackService, string>;
  readonly beds: Record<StackService, ServiceBed>;
  /** Debian's Chromium, launched once for the file; new pages via `newPage()`. */
  readonly browser: Browser;
  /** A fresh browser context (own session storage and cookies) and a page in it. */
  newPage(): Promise<Page>;
  /** Opens the console and signs `personId` (alice, bert, lena, adam, nina) in on the issuer's login form. */
  login(page: Page, personId: string): Promise<void>;
  /** A seeded person's access token by client credentials (same claims as a console login). */
  tokenFor(personId: string): Promise<string>;
  /** A machine client's token, by default with every scope it is seeded with. */
  clientToken(clientId: string, scopes?: string[]): Promise<string>;
  /** Calls a service directly (not through the console) with a bearer token. */
  api(
    service: StackService,
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer>;
  /** Posts an answer (score 2 by default) to response-ingestion as the `responses-writer` machine. */
  answer(answer?: DetractorAnswer): Promise<{ customerId: string; responseId: string }>;
  /** Waits until case-management opened the case of `customerId`'s detractor answer; returns it (as adam sees it). */
  caseOf(customerId: string, timeoutMs?: number): Promise<ApiAnswer['body']>;
  /** Adds a seeded person to a team (as adam), so cases can be routed to them. */
  addMember(personId: string, teamId?: string): Promise<void>;
  /** The SMTP inbox case-management mails notifications to (only with `mail: true`). */
  readonly mail: SmtpInbox;
}

export interface ConsoleStackOptions {
  /** Extra environment per service, given their URLs (like serviceStack's start). */
  env?: (urls: Record<StackService, string>) => Partial<Record<StackService, Record<string, string>>>;
  /** More variables for the console server. */
  consoleEnv?: Record<string, string>;
  /** Start an SMTP inbox and point case-management's SMTP_URL at it (`stack.mail`). */
  mail?: boolean;
}

/**
 * Jest hooks for a browser test of the ops console: the local issuer (with the console's client on
 * a free port), response-ingestion, scoring, root-cause-tagging and case-management on a topic
 * namespace of their own, the console server proxying to them, and Chromium. The page is built
 * first when `dist/services/ops-console/web` is missing or older than its sources.
 * Call at the top of a describe block; use the returned object inside tests.
 */
export function consoleStack(options: ConsoleStackOptions = {}): ConsoleStack {
  const consolePort = freePort();
  const consoleUrl = consolePort.then((port) => `http://127.0.0.1:${port}`);
  const issuer = sharedLocalIssuer([], async () => ({ OPS_CONSOLE_URL: await consoleUrl }));
  const stack = serviceStack(STACK, { issuer });
  const cm = () => stack.beds['case-management'];
  let consoleProcess: ServiceProcess | undefined;
  let browser: Browser | undefined;
  let inbox: SmtpInbox | undefined;
  const state = { url: '', issuerUrl: '' };

  beforeAll(async () => {
    await ensureConsoleBuilt();
    if (options.mail) inbox = await SmtpInbox.start();
    // Notification emails link to the case's page in this console (case-management's CASE_LINK_BASE_URL).
    const links = { CASE_LINK_BASE_URL: `${await consoleUrl}/cases`, ...(inbox ? { SMTP_URL: inbox.url } : {}) };
    await stack.start((urls) => {
      const given = options.env?.(urls) ?? {};
      return { ...given, 'case-management': { ...links, ...given['case-management'] } };
    });
    state.issuerUrl = (await cm().localIssuer()).url;
    state.url = await consoleUrl;
    consoleProcess = ServiceProcess.start({
      entry: 'services/ops-console/src/main.ts',
      env: {
        PORT: String(await consolePort),
        OIDC_ISSUER: state.issuerUrl,
        CASE_MANAGEMENT_URL: stack.urls['case-management'],
        SCORING_URL: stack.urls.scoring,
        LOG_LEVEL: 'warn',
        ...options.consoleEnv,
      },
    });
    await consoleProcess.waitForHttp(`${state.url}/health/ready`, 200, 60000);
    browser = await launchChromium();
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await consoleProcess?.stop();
    await inbox?.stop();
  }, 30000);

  const api: ConsoleStack['api'] = async (service, method, path, token, body, headers = {}) => {
    const response = await fetch(`${stack.urls[service]}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  return {
    get url() {
      return state.url;
    },
    get issuerUrl() {
      return state.issuerUrl;
    },
    urls: stack.urls,
    beds: stack.beds,
    get mail() {
      if (!inbox) throw new Error('consoleStack({ mail: true }) starts the SMTP inbox');
      return inbox;
    },
    get browser() {
      if (!browser) throw new Error('the console stack has not started (use it inside a test)');
      return browser;
    },
    async newPage() {
      if (!browser) throw new Error('the console stack has not started (use it inside a test)');
      // Reduced motion: axe then checks a dialog as it stands, not halfway through its fade-in, when
      // its red button blended with the page measured 4.1:1 once.
      const context = await browser.newContext({
        locale: 'en-GB',
        viewport: { width: 1280, height: 900 },
        reducedMotion: 'reduce',
      });
      return context.newPage();
    },
    async login(page, personId) {
      await page.goto(state.url);
      await page.waitForURL((url) => url.href.startsWith(`${state.issuerUrl}/interaction/`), { timeout: 30000 });
      await page.getByLabel('Person id').fill(personId);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.origin === new URL(state.url).origin && url.pathname !== '/callback', {
        timeout: 30000,
      });
    },
    tokenFor: (personId) => cm().tokenFor(personId),
    clientToken: (clientId, scopes) => cm().clientToken(clientId, scopes),
    api,
    async answer(given = {}) {
      const customerId = given.customerId ?? `cust-${randomUUID().slice(0, 8)}`;
      const token = await cm().clientToken('responses-writer');
      const body = {
        customerId,
        score: given.score ?? 2,
        comment: given.comment ?? 'The delivery was two days late and nobody told me.',
        language: given.language ?? 'en',
        channel: 'in_app',
      };
      const idempotency = { 'idempotency-key': `answer-${randomUUID()}` };
      const answered = await api('response-ingestion', 'POST', '/responses', token, body, idempotency);
      if (answered.status >= 300)
        throw new Error(`POST /responses answered ${answered.status}: ${JSON.stringify(answered.body)}`);
      return { customerId, responseId: answered.body.responseId };
    },
    async caseOf(customerId, timeoutMs = 60000) {
      const admin = await cm().tokenFor('adam');
      return expectEventually(
        async () => {
          const query = `/cases?scope=team&teamId=${DEFAULT_TEAM}&customerId=${encodeURIComponent(customerId)}`;
          const queue = await api('case-management', 'GET', query, admin);
          expect(queue.status).toBe(200);
          expect(queue.body.items[0]).toBeDefined();
          return queue.body.items[0];
        },
        { timeoutMs, intervalMs: 500 },
      );
    },
    async addMember(personId, teamId = DEFAULT_TEAM) {
      const admin = await cm().tokenFor('adam');
      const added = await api('case-management', 'POST', `/teams/${teamId}/members`, admin, {
        id: personId,
        name: personId,
        email: `${personId}@care.example.com`,
        available: true,
      });
      if (added.status !== 201 && added.status !== 409) {
        throw new Error(`adding ${personId} to ${teamId} answered ${added.status}: ${JSON.stringify(added.body)}`);
      }
    },
  };
}

/**
 * Fails with every serious or critical axe violation of the page as it is now (WCAG 2.x A and AA
 * rules), printed with the offending elements; minor and moderate ones are left to review.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact}: ${v.id} — ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replaceAll('\n', ' ')}`).join('\n'),
  );
  if (serious.length > 0)
    throw new Error(`axe found ${serious.length} serious violation(s) on ${page.url()}:\n${report.join('\n')}`);
}

/** Writes `docs/screenshots/<name>.png` of the page, only when UPDATE_SCREENSHOTS=1 (docs stay stable otherwise). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  const dir = resolve(ROOT, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, `${name}.png`), fullPage: true });
}

export { launchChromium };
