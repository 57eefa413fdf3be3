import { DEVELOPMENT_PRIVACY_MASTER_KEYS } from '@nps/privacy';
import { DEVELOPMENT_SURVEY_LINK_KEYS } from '@nps/survey-links';
import { PRODUCTION_ENV, startInProduction } from '@nps/testing';

// Issue 13: with NPS_ENV=production, response-ingestion refuses to start with a development secret.
describe('response-ingestion with NPS_ENV=production', () => {
  it.each([
    ['DATABASE_URL', 'postgres://postgres:postgres@127.0.0.1:5432/nps'],
    // The development key kept beside a production one (for unwrapping) is refused too.
    ['PRIVACY_MASTER_KEYS', `${PRODUCTION_ENV.PRIVACY_MASTER_KEYS},${DEVELOPMENT_PRIVACY_MASTER_KEYS}`],
    ['SURVEY_LINK_KEYS', DEVELOPMENT_SURVEY_LINK_KEYS],
    ['SMS_WEBHOOK_SECRET', 'local-development-only-sms-webhook-secret'],
  ])('exits non-zero naming %s when it holds the development value', async (variable, value) => {
    const { code, output } = await startInProduction('response-ingestion', { [variable]: value });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      new RegExp(`^Invalid configuration: ${variable}: .+, which NPS_ENV=production refuses`, 'm'),
    );
    expect(output).not.toContain(value);
  });
});
