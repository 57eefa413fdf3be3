import { ConfigError, loadEnv } from '@nps/config';
import { DEVELOPMENT_SURVEY_LINK_KEYS, SurveyLinkEnv } from './survey-link.env';

const PRODUCTION = {
  NPS_ENV: 'production',
  DATABASE_URL: 'postgres://nps:s3cret-from-vault@db.internal:5432/nps',
  OIDC_ISSUER: 'https://login.example.com/realms/nps',
  SURVEY_LINK_KEYS: 'k2:a-production-secret-0123456789',
};

describe('SurveyLinkEnv in production', () => {
  it('accepts keys of its own', () => {
    expect(loadEnv(SurveyLinkEnv, PRODUCTION).SURVEY_LINK_KEYS).toBe(PRODUCTION.SURVEY_LINK_KEYS);
  });

  it.each([
    ['the default', undefined],
    [
      'the development key rotated out of first place',
      `${PRODUCTION.SURVEY_LINK_KEYS},${DEVELOPMENT_SURVEY_LINK_KEYS}`,
    ],
    ['the development secret under another kid', 'k9:local-development-only-survey-link-secret'],
  ])('refuses %s, naming SURVEY_LINK_KEYS and hiding the value', (_case, keys) => {
    const load = () => loadEnv(SurveyLinkEnv, { ...PRODUCTION, SURVEY_LINK_KEYS: keys });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /^Invalid configuration: SURVEY_LINK_KEYS: holds the development key, which NPS_ENV=production refuses/,
    );
  });
});
