import { DEVELOPMENT_PRIVACY_MASTER_KEYS } from '@nps/privacy';
import { PRODUCTION_ENV, startInProduction } from '@nps/testing';

// Issue 13: with NPS_ENV=production, scoring refuses to start with a development secret.
describe('scoring with NPS_ENV=production', () => {
  it.each([
    ['DATABASE_URL', 'postgres://postgres:postgres@127.0.0.1:5432/nps'],
    ['OIDC_ISSUER', 'http://127.0.0.1:3010'],
    ['PRIVACY_MASTER_KEYS', `${PRODUCTION_ENV.PRIVACY_MASTER_KEYS},${DEVELOPMENT_PRIVACY_MASTER_KEYS}`],
  ])('exits non-zero naming %s when it holds the development value', async (variable, value) => {
    const { code, output } = await startInProduction('scoring', { [variable]: value });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      new RegExp(`^Invalid configuration: ${variable}: .+, which NPS_ENV=production refuses`, 'm'),
    );
    expect(output).not.toContain(value);
  });
});
