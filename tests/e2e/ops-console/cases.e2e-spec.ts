import type { Page } from 'playwright-core';
import { expectEventually } from '@nps/testing';
import { consoleStack, expectNoSeriousA11yViolations, screenshot } from './console.stack';

// Issue #17, the ops console's queues, case page and team admin against the real services and issuer:
// alice (agent, customer-care) sees a new detractor's case arrive without reloading, works it through
// to resolved; a 409 reads as a sentence; lena (lead) reassigns with a reason and tries a routing rule;
// lena adds a member and saves, sees and deletes a routing rule; a new case's notification email links
// into the console and opens the case page for alice;
// bert (billing) gets the 403 page for a customer-care case. Fresh installs route every detractor to
// customer-care, and alice is its only member when the cases open, so least-loaded gives them to her.
describe('ops console: queues, case page, team admin', () => {
  const stack = consoleStack({ mail: true });
  const seen = { first: '', second: '' };

  const caseRow = (page: Page, customerId: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name: `Customer ${customerId}` }) });

  async function pick(page: Page, label: string, option: string | RegExp) {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option }).first().click();
  }

  beforeAll(async () => {
    await stack.addMember('alice');
    // Two earlier detractors of one customer, so the story has scores over time and an earlier case.
    const regular = `cust-story-${Date.now()}`;
    await stack.answer({ customerId: regular, score: 6, comment: 'Support was slow to answer my e-mail.' });
    seen.first = (await stack.caseOf(regular)).id;
    await stack.answer({ customerId: regular, score: 1, comment: 'The parcel arrived broken and late.' });
    await expectCases(regular, 2);
    const cases = await listOf(regular);
    seen.second = cases.find((c: { id: string }) => c.id !== seen.first).id;
  }, 180000);

  async function listOf(customerId: string) {
    const admin = await stack.tokenFor('adam');
    const queue = await stack.api('case-management', 'GET', `/cases?scope=team&customerId=${customerId}`, admin);
    return queue.body.items;
  }

  async function expectCases(customerId: string, count: number) {
    for (let tries = 0; tries < 120; tries++) {
      if ((await listOf(customerId)).length >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`no ${count} cases for ${customerId}`);
  }

  it("shows alice a new detractor's case in her queue within seconds, without reloading", async () => {
    const page = await stack.newPage();
    await stack.login(page, 'alice');
    await page.getByRole('heading', { name: 'Queues' }).waitFor();
    await page.getByTestId('queue-table').waitFor();
    const reloads: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && reloads.push(frame.url()));

    const fresh = await stack.answer({ score: 0, comment: 'Nobody called me back about my refund.' });
    const row = caseRow(page, fresh.customerId);
    await row.waitFor({ timeout: 30000 });
    expect(reloads).toEqual([]);
    await expect(row.getByText('New', { exact: true }).isVisible()).resolves.toBe(true);
    // Time left in words next to the colour, and the deadline in the viewer's zone.
    await expect(row.getByText(/On track|At risk|Breached/).count()).resolves.toBe(1);
    await expect(row.getByText(/left|overdue by/).count()).resolves.toBe(1);
    await expect(
      page
        .getByRole('table')
        .getByText(/Cases by next SLA deadline/)
        .isVisible(),
    ).resolves.toBe(true);

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'queues');
    await page.context().close();
  });

  it('lets alice open a case by keyboard, log a call and resolve it with a root cause and an outcome', async () => {
    const page = await stack.newPage();
    await stack.login(page, 'alice');
    await page.getByTestId('queue-table').waitFor();
    // j moves to the first case, more j's down the list; Enter opens the focused one.
    const links = page.getByTestId('queue-table').getByRole('link');
    const hrefs = await links.evaluateAll((all: { getAttribute(name: string): string | null }[]) =>
      all.map((a) => a.getAttribute('href') ?? ''),
    );
    const ids = hrefs.map((href) => href.split('/').pop());
    const index = ids.indexOf(seen.second);
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= index; i++) await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cases/${seen.second}`);

    await page.getByRole('heading', { name: /Customer story/ }).waitFor();
    await expect(page.getByText('“The parcel arrived broken and late.”').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Earlier cases' }).isVisible()).resolves.toBe(true);
    await page.getByText(/Scores \(0–10\) by date/).waitFor();
    await expect(
      page
        .getByTestId('sla-firstContact')
        .getByText(/left|overdue by/)
        .count(),
    ).resolves.toBe(1);

    await pick(page, 'How', 'Call');
    await pick(page, 'Outcome of the contact', 'Customer reached');
    await page.getByLabel('What was said (no contact details)').fill('Called, apologised, sent a replacement.');
    await page.getByRole('button', { name: 'Log contact' }).click();
    await page.getByTestId('action-done').getByText('Contact logged.').waitFor();
    await page.getByTestId('case-status').getByText('In progress').waitFor();
    await expect(
      page
        .getByTestId('activity-log')
        .getByText(/Customer reached by call/)
        .isVisible(),
    ).resolves.toBe(true);

    await page.getByRole('tab', { name: 'Resolve' }).click();
    await pick(page, 'Root cause', /\(/);
    await pick(page, 'Outcome', 'Recovered');
    await page.getByLabel('What was found and done').fill('Replacement delivered; customer happy again.');
    await page.getByRole('button', { name: 'Resolve case' }).click();
    await page.getByTestId('case-status').getByText('Resolved').waitFor();
    await expect(
      page
        .getByText(/Resolved as Recovered, root cause/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'case');

    // 409: the case is closed elsewhere (the API, as alice) while the page still offers closing.
    await page.getByRole('tab', { name: 'Close' }).click();
    const closed = await stack.api(
      'case-management',
      'POST',
      `/cases/${seen.second}/close`,
      await stack.tokenFor('alice'),
      {},
    );
    expect(closed.status).toBe(200);
    await page.getByRole('button', { name: 'Close case' }).click();
    const refusal = page.getByTestId('action-error');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('The case has changed: this action is not possible now');
    await expect(refusal.textContent()).resolves.toContain('a case that is closed cannot close');
    await page.getByTestId('case-status').getByText('Closed').waitFor();
    await page.context().close();
  });

  it('shows a 400 next to the form: reopening without a reason', async () => {
    const page = await stack.newPage();
    await stack.login(page, 'alice');
    await page.goto(`${stack.url}/cases/${seen.second}`);
    await page.getByRole('tab', { name: 'Reopen' }).click();
    await page.getByRole('button', { name: 'Reopen case' }).click();
    await page.getByTestId('action-error').getByText('Please correct the form').waitFor();
    await expect(page.getByTestId('action-error').textContent()).resolves.toContain('note: must not be empty');
    // …and the reason next to the field itself
    await expect(page.getByRole('textbox', { name: 'Why reopen?' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await page.context().close();
  });

  it('lets lena reassign a case with a reason', async () => {
    await stack.addMember('lena');
    const page = await stack.newPage();
    await stack.login(page, 'lena');
    await page.goto(`${stack.url}/cases/${seen.first}`);
    await page.getByRole('tab', { name: 'Reassign' }).click();
    await pick(page, 'New owner', /lena \(customer-care/);
    await page.getByLabel('Reason').fill('Alice is on leave this week');
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    await page.getByTestId('action-done').getByText('Case reassigned.').waitFor();
    await page.getByText('Owner: lena · team customer-care').waitFor();
    await expect(
      page
        .getByTestId('activity-log')
        .getByText(/Reassigned from alice to lena \(customer-care\): Alice is on leave/)
        .isVisible(),
    ).resolves.toBe(true);
    await page.context().close();
  });

  it('gives lena team admin: adds a member, tries, saves and deletes a rule; no serious axe violation', async () => {
    const suffix = Date.now().toString(36);
    const memberId = `sam-${suffix}`;
    const ruleId = `care-low-${suffix}`;
    const lena = await stack.tokenFor('lena');
    const page = await stack.newPage();
    await stack.login(page, 'lena');
    await page.goto(`${stack.url}/team-admin`);
    await page.getByRole('heading', { name: 'Team admin' }).waitFor();
    await page.getByRole('switch', { name: 'alice is available for new cases' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // A member of her own team, away for now (so routing in the other tests is unchanged).
    const addMember = page.getByRole('form', { name: 'Add a member to Customer care' });
    await addMember.getByLabel('Member id').fill(memberId);
    await addMember.getByLabel('Name').fill(`Sam ${suffix}`);
    await addMember.getByLabel('Email').fill(`${memberId}@care.example.com`);
    await addMember.getByLabel('Available for new cases at once').uncheck();
    await addMember.getByRole('button', { name: 'Add member' }).click();
    await addMember.getByText(`Sam ${suffix} (${memberId}) added.`).waitFor();
    const samSwitch = page.getByRole('switch', { name: `Sam ${suffix} is available for new cases` });
    await samSwitch.waitFor();
    await expect(samSwitch.isChecked()).resolves.toBe(false);
    const members = await stack.api('case-management', 'GET', '/teams/customer-care/members', lena);
    expect(members.body).toContainEqual(expect.objectContaining({ id: memberId, available: false }));
    // The same id again: the API's 409 next to the form.
    await addMember.getByLabel('Member id').fill(memberId);
    await addMember.getByLabel('Name').fill('Sam again');
    await addMember.getByLabel('Email').fill(`${memberId}@care.example.com`);
    await addMember.getByRole('button', { name: 'Add member' }).click();
    await page.getByTestId('add-member-error-customer-care').getByText(`member ${memberId} exists`).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Try a rule, then save it: it shows in the ordered list, last.
    await page.getByRole('tab', { name: 'Routing rules' }).click();
    await page.getByLabel('Rule id').fill(ruleId);
    await page.getByLabel('Position').fill('900');
    await page.getByLabel('Highest score').fill('2');
    await page.getByRole('button', { name: 'Try this rule' }).click();
    await page
      .getByTestId('rule-preview')
      .getByText(/Of \d+ recent cases the rule matches \d+ and would route \d+\./)
      .waitFor();
    await page.getByRole('button', { name: 'Save as new rule' }).click();
    await page.getByTestId('rule-saved').getByText(`Rule ${ruleId} saved at position 900.`).waitFor();
    const rules = page.getByTestId('routing-rules');
    await rules.getByRole('rowheader', { name: ruleId }).waitFor();
    const order = await rules.getByRole('rowheader').allTextContents();
    expect(order.at(-1)).toBe(ruleId);
    const saved = await stack.api('case-management', 'GET', '/routing-rules', lena);
    expect(saved.body).toContainEqual(
      expect.objectContaining({ id: ruleId, position: 900, teamId: 'customer-care', conditions: { maxScore: 2 } }),
    );
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'team-admin');

    // Delete it, after a confirmation.
    await page.getByRole('button', { name: `Delete rule ${ruleId}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete rule ${ruleId}?` });
    await dialog.waitFor();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: `Yes, delete ${ruleId}` }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('rowheader', { name: ruleId }).waitFor({ state: 'detached' });
    const left = await stack.api('case-management', 'GET', '/routing-rules', lena);
    expect(left.body.map((rule: { id: string }) => rule.id)).not.toContain(ruleId);

    // SLA policies: lena reads them; changing them is for admins.
    await page.getByRole('tab', { name: 'SLA policies and calendars' }).click();
    await page.getByRole('heading', { name: 'Team calendars' }).waitFor();
    await expect(page.getByRole('rowheader', { name: 'Customer care' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Only admins change SLA policies.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Save policy' }).count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  it("links a new case's notification email into the console, where alice opens the case", async () => {
    const comment = `Email link check ${Date.now()}: the invoice was wrong twice.`;
    const fresh = await stack.answer({ score: 1, comment });
    const opened = await stack.caseOf(fresh.customerId);
    const link = `${stack.url}/cases/${opened.id}`;
    const mail = await expectEventually(
      () => {
        const found = stack.mail.messages.find((m) => (m.text ?? '').includes(link));
        if (!found) throw new Error(`no notification links to ${link} (${stack.mail.messages.length} messages)`);
        return found;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
    expect(mail.text).toContain(link);

    const page = await stack.newPage();
    await stack.login(page, 'alice');
    await page.goto(link);
    await page.getByRole('heading', { name: /Customer story/ }).waitFor();
    await page.getByText(`“${comment}”`).first().waitFor();
    await page.context().close();
  });

  it("shows bert (billing) the 403 page for alice's case", async () => {
    const page = await stack.newPage();
    await stack.login(page, 'bert');
    await page.goto(`${stack.url}/cases/${seen.first}`);
    await page.getByRole('heading', { name: '403: not yours to open' }).waitFor();
    await expect(page.getByText('parcel').count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'forbidden');
    await page.context().close();
  });

  it('keeps the queue usable at tablet width (768 px)', async () => {
    const page = await stack.newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    await stack.login(page, 'lena');
    await page.getByText("My teams' cases").click();
    const table = page.getByTestId('queue-table');
    await table.waitFor();
    // The page itself does not scroll sideways; the table's own container may.
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(768);
    const first = table.getByRole('link').first();
    await expect(first.isVisible()).resolves.toBe(true);
    const box = await first.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(768);
    await expect(page.getByRole('combobox', { name: 'Status' }).isVisible()).resolves.toBe(true);
    await first.click();
    await page.getByRole('heading', { name: /Customer story/ }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });
});
