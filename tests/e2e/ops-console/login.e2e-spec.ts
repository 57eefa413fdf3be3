import { consoleStack, expectNoSeriousA11yViolations, screenshot } from './console.stack';

// Issue #17: an operator signs in to the console through the platform's issuer (Authorization
// Code + PKCE, the local issuer's login form) and lands in the console with their name shown;
// the page they land on has no serious accessibility violation.
describe('ops console sign-in', () => {
  const stack = consoleStack();

  it('signs alice in through the issuer and shows her name in the header', async () => {
    const page = await stack.newPage();
    await stack.login(page, 'alice');
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('Alice (agent)');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'ops-console-signed-in');
    await page.context().close();
  });

  it('refuses an unknown person on the login form and keeps them out of the console', async () => {
    const page = await stack.newPage();
    await page.goto(stack.url);
    await page.waitForURL((url) => url.href.startsWith(`${stack.issuerUrl}/interaction/`));
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Person id').fill('mallory');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('"mallory" is no seeded person');
    expect(page.url().startsWith(stack.issuerUrl)).toBe(true);
    await page.context().close();
  });
});
