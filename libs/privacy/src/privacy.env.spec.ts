import { randomBytes } from 'node:crypto';
import { BaseEnv, ConfigError, loadEnv } from '@nps/config';
import { DEVELOPMENT_PRIVACY_MASTER_KEYS, WithPrivacySettings } from './privacy.env';

class ExampleEnv extends WithPrivacySettings(BaseEnv) {}

const key = randomBytes(32).toString('base64');
const PRODUCTION = {
  NPS_ENV: 'production',
  DATABASE_URL: 'postgres://nps:from-the-vault@db:5432/nps',
  OIDC_ISSUER: 'https://login.example.com',
  PRIVACY_MASTER_KEYS: `mk-2026:${key}`,
  PRIVACY_MASTER_KEY_ID: 'mk-2026',
};

describe('WithPrivacySettings', () => {
  it('defaults to the development key, a 60 s cache of 10000 keys', () => {
    expect(loadEnv(ExampleEnv, {})).toMatchObject({
      PRIVACY_MASTER_KEYS: DEVELOPMENT_PRIVACY_MASTER_KEYS,
      PRIVACY_MASTER_KEY_ID: 'dev-1',
      PRIVACY_KEY_CACHE_TTL_MS: 60000,
      PRIVACY_KEY_CACHE_SIZE: 10000,
    });
  });

  it('accepts keys of its own in production', () => {
    expect(loadEnv(ExampleEnv, PRODUCTION).PRIVACY_MASTER_KEY_ID).toBe('mk-2026');
  });

  it.each([
    ['the default', { PRIVACY_MASTER_KEYS: undefined, PRIVACY_MASTER_KEY_ID: undefined }],
    [
      'the development key kept for unwrapping',
      { PRIVACY_MASTER_KEYS: `${PRODUCTION.PRIVACY_MASTER_KEYS},${DEVELOPMENT_PRIVACY_MASTER_KEYS}` },
    ],
    [
      'the development key under another id',
      { PRIVACY_MASTER_KEYS: DEVELOPMENT_PRIVACY_MASTER_KEYS.replace('dev-1', 'mk-2026') },
    ],
  ])('refuses %s in production, naming PRIVACY_MASTER_KEYS and hiding the value', (_case, overrides) => {
    const load = () => loadEnv(ExampleEnv, { ...PRODUCTION, ...overrides });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /^Invalid configuration: PRIVACY_MASTER_KEYS: holds the development master key, which NPS_ENV=production refuses/,
    );
    expect(load).not.toThrow(/f37JZlXozVQwRUt/);
  });

  it.each([
    ['PRIVACY_MASTER_KEYS', { PRIVACY_MASTER_KEYS: `mk-1:${randomBytes(16).toString('base64')}` }],
    ['PRIVACY_MASTER_KEYS', { PRIVACY_MASTER_KEYS: `mk 1:${key}` }],
    ['PRIVACY_MASTER_KEY_ID', { PRIVACY_MASTER_KEYS: `mk-1:${key}`, PRIVACY_MASTER_KEY_ID: 'mk-2' }],
    ['PRIVACY_KEY_CACHE_TTL_MS', { PRIVACY_KEY_CACHE_TTL_MS: '-1' }],
  ])('refuses a bad %s in one line naming it', (variable, values) => {
    expect(() => loadEnv(ExampleEnv, values)).toThrow(new RegExp(`^Invalid configuration: ${variable}`));
  });

  it('never prints a refused master key', () => {
    const short = `mk-1:${randomBytes(16).toString('base64')}`;
    expect(() => loadEnv(ExampleEnv, { PRIVACY_MASTER_KEYS: short })).not.toThrow(short.slice(5));
  });
});
