import { expectEventually, seededRandom } from '@nps/testing';
import type { Page } from 'playwright-core';
import { consoleStack, expectNoSeriousA11yViolations, screenshot } from './console.stack';

// Issue #17, the NPS dashboard: an analyst sees NPS over time with its 95% interval as a band
// (figures matching scoring's /nps), a breakdown, period against period with scoring's
// significance sentence, and the drivers; an agent is refused the page.

const DAY_MS = 24 * 60 * 60 * 1000;
const CHANNELS = ['email', 'sms', 'web'] as const;
const LANGUAGES = ['en', 'nl', 'de'] as const;
const TOUCHPOINTS = ['order-delivered', 'ticket-closed'] as const;
const COMPLAINTS = [
  'The delivery was two days late and nobody told me.',
  'Far too expensive for what you get and the price went up again.',
  'Customer support took ages to answer my question.',
];
const PRAISE = ['Friendly staff and quick delivery. Thank you.', 'Good value for money.'];

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first day of the calendar month `back` months before the one of `ms` (UTC). */
function monthStart(ms: number, back: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - back, 1);
}

/** NPS to one decimal with ± as the dashboard writes it (a real minus sign). */
const withMargin = (nps: number, margin: number) =>
  `${(Math.round(nps * 10) / 10)
    .toFixed(1)
    .replace(/^-0\.0$/, '0.0')
    .replace('-', '−')} ± ${(Math.round(margin * 10) / 10).toFixed(1)}`;

describe('NPS dashboard', () => {
  const stack = consoleStack();
  const now = Date.now();
  // Six months shown (this one and five before, monthly); answers go back two months further, so the
  // previous period of the same length, which the comparison takes by default, has answers too.
  const from = day(monthStart(now, 5));
  const to = day(now);
  const dashboard = `/dashboard?from=${from}&to=${to}&interval=month&breakdown=channel`;
  let sent = 0;

  beforeAll(async () => {
    const random = seededRandom(17);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const answers: { answeredAt: string; score: number }[] = [];
    for (let back = 0; back < 8; back++) {
      // One month has too few answers to act on: the chart draws it hollow.
      const count = back === 2 ? 12 : 40;
      const start = monthStart(now, back);
      const end = Math.min(monthStart(now, back - 1), now - 60_000);
      // Later months fare better, so the comparison has a change to judge.
      const promoterShare = 0.35 + (7 - back) * 0.04;
      for (let i = 0; i < count; i++) {
        const roll = random();
        const score =
          roll < promoterShare
            ? 9 + Math.floor(random() * 2)
            : roll < promoterShare + 0.3
              ? 7 + Math.floor(random() * 2)
              : Math.floor(random() * 7);
        answers.push({ answeredAt: new Date(start + random() * (end - start)).toISOString(), score });
      }
    }
    // Through the import, as a history of answers given earlier arrives (one request: the JSON API limits a credential's rate).
    const lines = ['customer_id,score,answered_at,language,channel,touchpoint_type,comment,external_id'];
    for (const [i, { answeredAt, score }] of answers.entries()) {
      const comment = score <= 6 ? pick(COMPLAINTS) : score >= 9 && random() < 0.5 ? pick(PRAISE) : '';
      lines.push(
        [
          `dash-${i % 120}`,
          score,
          answeredAt,
          pick(LANGUAGES),
          pick(CHANNELS),
          pick(TOUCHPOINTS),
          comment,
          `dash-${now}-${i}`,
        ].join(','),
      );
    }
    const imported = await fetch(`${stack.urls['response-ingestion']}/imports?importId=dashboard-${now}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await stack.clientToken('importer')}` },
      body: lines.join('\n'),
    });
    expect(imported.status).toBe(200);
    await expect(imported.json()).resolves.toMatchObject({ accepted: answers.length, rejected: 0 });
    sent = answers.length;
    // Scoring has counted every answer and the tagger has tagged the complaints.
    const nina = await stack.tokenFor('nina');
    await expectEventually(
      async () => {
        const all = await stack.api('scoring', 'GET', `/nps?from=${day(monthStart(now, 7))}&to=${to}`, nina);
        expect(all.body.rows[0]?.n).toBe(sent);
        const drivers = await stack.api('scoring', 'GET', `/nps/drivers?from=${from}&to=${to}`, nina);
        expect(drivers.body.drivers.length).toBeGreaterThan(0);
      },
      { timeoutMs: 120000, intervalMs: 1000 },
    );
  }, 300000);

  async function openDashboard(page: Page): Promise<void> {
    await stack.login(page, 'nina');
    await page.goto(`${stack.url}${dashboard}`);
    try {
      await page.getByTestId('headline-nps').waitFor();
      await page.locator('[data-testid=trend-chart] .nps-band path').first().waitFor({ state: 'attached' });
    } catch (error) {
      // Say what the page showed instead (an error sentence, the login form…).
      const shown = await page
        .locator('body')
        .innerText()
        .catch(() => '');
      throw new Error(`${(error as Error).message}\nat ${page.url()} the page reads:\n${shown.slice(0, 2000)}`);
    }
  }

  it('shows nina NPS over time with its interval band, and the same figures as /nps in its data table', async () => {
    const page = await stack.newPage();
    await openDashboard(page);
    const nina = await stack.tokenFor('nina');
    const api = await stack.api('scoring', 'GET', `/nps?from=${from}&to=${to}&timeZone=UTC&interval=month`, nina);
    expect(api.status).toBe(200);
    const rows = api.body.rows as {
      period: string;
      n: number;
      nps: number;
      marginOfError95: number;
      lowSample: boolean;
    }[];
    expect(rows).toHaveLength(6);

    // The band: a closed SVG area path through both edges of every period (12 points for 6 periods).
    const band = await page.locator('[data-testid=trend-chart] .nps-band path.recharts-area-area').getAttribute('d');
    expect(band).toMatch(/^M[\d.,\s-]+(L[\d.,\s-]+){11}Z?$/);
    const points = page.locator('[data-testid=trend-chart] circle.nps-point');
    await expectEventually(async () => expect(await points.count()).toBe(6));
    await expect(page.locator('[data-testid=trend-chart] circle.nps-point--low-sample').count()).resolves.toBe(
      rows.filter((row) => row.lowSample).length,
    );
    expect(rows.filter((row) => row.lowSample).length).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('trend-legend').textContent()).resolves.toContain('fewer than 30 answers');

    // The table alternative is there for screen readers, and shown on request, with /nps's figures.
    await page.getByRole('button', { name: 'Show data table' }).first().click();
    const table = page.getByTestId('trend-table');
    await table.waitFor();
    for (const row of rows) {
      const cells = table.locator(`tr[data-period="${row.period}"]`);
      await expect(cells.locator('[data-column=nps]').textContent()).resolves.toBe(
        withMargin(row.nps, row.marginOfError95),
      );
      await expect(cells.locator('[data-column=n]').textContent()).resolves.toBe(String(row.n));
      await expect(cells.locator('[data-column=sample]').textContent()).resolves.toMatch(
        row.lowSample ? /^Low sample/ : /^OK$/,
      );
    }

    // The headline: the whole period's NPS with its margin.
    const total = await stack.api('scoring', 'GET', `/nps?from=${from}&to=${to}&timeZone=UTC`, nina);
    const [nps, margin] = withMargin(total.body.rows[0].nps, total.body.rows[0].marginOfError95).split(' ± ');
    await expect(page.getByTestId('headline-nps').textContent()).resolves.toBe(nps);
    await expect(page.getByTestId('headline-margin').textContent()).resolves.toBe(`± ${margin}`);
    await page.context().close();
  });

  it('shows the breakdown, the comparison sentence of /nps/compare and the drivers; axe finds nothing serious', async () => {
    const page = await stack.newPage();
    await openDashboard(page);
    const nina = await stack.tokenFor('nina');

    const breakdown = page.getByTestId('breakdown-table');
    for (const channel of CHANNELS) await breakdown.locator(`tr[data-value="${channel}"]`).waitFor();
    await page.getByRole('tab', { name: 'Language' }).click();
    await page.waitForURL(/breakdown=language/);
    for (const language of LANGUAGES) await breakdown.locator(`tr[data-value="${language}"]`).waitFor();

    // Default comparison: the period of the same length before against the one shown.
    const length = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
    const previous = { from: day(Date.parse(from) - length * DAY_MS), to: day(Date.parse(from) - DAY_MS) };
    const compared = await stack.api(
      'scoring',
      'GET',
      `/nps/compare?from=${previous.from}&to=${previous.to}&versusFrom=${from}&versusTo=${to}&timeZone=UTC`,
      nina,
    );
    expect(compared.body.change).not.toBeNull();
    await expect(page.getByTestId('compare-sentence').textContent()).resolves.toBe(
      `Second against first: ${compared.body.change.sentence}`,
    );

    const drivers = await stack.api('scoring', 'GET', `/nps/drivers?from=${from}&to=${to}&timeZone=UTC`, nina);
    const bars = page.locator('[data-testid=drivers-chart] .recharts-bar-rectangle');
    // Counted until it matches: the first bar can be drawn before the last.
    const withImpact = drivers.body.drivers.filter((d: { impact: unknown }) => d.impact !== null).length;
    await expectEventually(async () => expect(await bars.count()).toBe(withImpact));
    for (const driver of drivers.body.drivers as { tag: string }[])
      await page.locator(`[data-testid=drivers-table] tr[data-tag="${driver.tag}"]`).waitFor({ state: 'attached' });

    // Recovery comes from scoring; the per-team loop metrics from case-management, which gives an
    // analyst every team's. Imported answers open no case, so there is no team in this period.
    await page.getByTestId('recovery-sentence').or(page.getByText('No re-survey answers')).first().waitFor();
    const loop = await stack.api('case-management', 'GET', `/metrics/loop?from=${from}&to=${to}`, nina);
    expect(loop.status).toBe(200);
    expect(loop.body.teams).toEqual([]);
    await page.getByText('No cases opened in this period.').waitFor();
    await expect(page.getByText('Loop metrics per team are for').count()).resolves.toBe(0);

    await page.getByRole('tab', { name: 'Channel' }).click();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'dashboard');

    // At 768 px (a tablet) nothing runs off the page sideways.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByTestId('trend-chart').waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  it('exports what the dashboard shows as CSV', async () => {
    const page = await stack.newPage();
    await openDashboard(page);
    await page.getByTestId('compare-sentence').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`nps-dashboard_${from}_${to}_month.csv`);
    const path = await download.path();
    const csv = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(csv).toContain(
      'NPS per month\r\nperiod,n,nps,margin_of_error_95,interval_95_low,interval_95_high,low_sample',
    );
    expect(csv).toContain('Comparison\r\n');
    expect(csv).toContain('Drivers (root causes)\r\n');
    await page.context().close();
  });

  it('gives alice, an agent, the 403 page', async () => {
    const page = await stack.newPage();
    await stack.login(page, 'alice');
    await page.goto(`${stack.url}/dashboard`);
    await page.getByRole('heading', { name: '403: not yours to open' }).waitFor();
    await expect(page.getByTestId('headline-nps').count()).resolves.toBe(0);
    await page.context().close();
  });
});
