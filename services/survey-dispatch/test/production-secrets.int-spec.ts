import { DEVELOPMENT_PRIVACY_MASTER_KEYS } from '@nps/privacy';
import { DEVELOPMENT_SURVEY_LINK_KEYS } from '@nps/survey-links';
import { PRODUCTION_ENV, startInProduction } from '@nps/testing';

// Issue 13: with NPS_ENV=production, survey-dispatch refuses to start with a development secret.
describe('survey-dispatch with NPS_ENV=production', () => {
  it.each([
    ['DATABASE_URL', 'postgres://postgres:postgres@127.0.0.1:5432/nps'],
    // The development key kept beside a production one (for unwrapping) is refused too.
    ['PRIVACY_MASTER_KEYS', `${PRODUCTION_ENV.PRIVACY_MASTER_KEYS},${DEVELOPMENT_PRIVACY_MASTER_KEYS}`],
    ['SURVEY_LINK_KEYS', DEVELOPMENT_SURVEY_LINK_KEYS],
  ])('exits non-zero naming %s when it holds the development value', async (variable, value) => {
    const { code, output } = await startInProduction('survey-dispatch', { [variable]: value });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      new RegExp(`^Invalid configuration: ${variable}: .+, which NPS_ENV=production refuses`, 'm'),
    );
    expect(output).not.toContain(value);
  });

  it('exits non-zero when webhooks may reach private networks (OUTBOUND_ALLOW_PRIVATE_NETWORKS=true)', async () => {
    const { code, output } = await startInProduction('survey-dispatch', { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /^Invalid configuration: OUTBOUND_ALLOW_PRIVATE_NETWORKS: lets webhooks and gateways reach loopback and private networks, which NPS_ENV=production refuses/m,
    );
  });
});
