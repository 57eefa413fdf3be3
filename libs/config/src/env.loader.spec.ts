import { IsInt, IsString, Min, MinLength } from 'class-validator';
import { BaseEnv } from './base.env';
import { ConfigError } from './config.error';
import { DevelopmentDefault } from './development-default';
import { loadEnv } from './env.loader';

class ExampleEnv extends BaseEnv {
  @IsInt()
  @Min(1)
  BATCH_SIZE: number = 100;

  @IsString()
  @MinLength(16)
  @DevelopmentDefault()
  SIGNING_SECRET = 'local-development-only-signing-secret';
}

const DEVELOPMENT_PASSWORD = 'has the development password "postgres" or none';

/** Production values for every marked variable of ExampleEnv and BaseEnv. */
const PRODUCTION = {
  NPS_ENV: 'production',
  DATABASE_URL: 'postgres://nps:s3cret-from-vault@db.internal:5432/nps',
  OIDC_ISSUER: 'https://login.example.com/realms/nps',
  SIGNING_SECRET: 'a-secret-from-the-vault-0123456789',
};

describe('loadEnv', () => {
  it('uses the declared defaults when nothing is set', () => {
    const env = loadEnv(ExampleEnv, {});
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/nps');
    expect(env.BATCH_SIZE).toBe(100);
  });

  it('converts given variables to the declared types', () => {
    const env = loadEnv(ExampleEnv, { BATCH_SIZE: '25', PORT: '4000', KAFKA_BROKERS: 'a:1,b:2' });
    expect(env.BATCH_SIZE).toBe(25);
    expect(env.PORT).toBe(4000);
    expect(env.KAFKA_BROKERS).toBe('a:1,b:2');
  });

  it('reads true and false as booleans, and refuses anything else', () => {
    expect(loadEnv(ExampleEnv, { OUTBOX_RELAY_ENABLED: 'false' }).OUTBOX_RELAY_ENABLED).toBe(false);
    expect(loadEnv(ExampleEnv, { OUTBOX_RELAY_ENABLED: 'true' }).OUTBOX_RELAY_ENABLED).toBe(true);
    expect(() => loadEnv(ExampleEnv, { OUTBOX_RELAY_ENABLED: 'no' })).toThrow(/OUTBOX_RELAY_ENABLED/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadEnv(ExampleEnv, { LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it.each([
    [
      'KAFKA_BROKERS',
      'localhost',
      /^Invalid configuration: KAFKA_BROKERS: must be a comma-separated list of host:port \(got "localhost"\)$/,
    ],
    ['PORT', 'abc', /^Invalid configuration: PORT: .+ \(got "abc"\)$/],
    ['LOG_LEVEL', 'loud', /^Invalid configuration: LOG_LEVEL: .*info.* \(got "loud"\)$/],
    [
      'DATABASE_URL',
      'mysql://x',
      /^Invalid configuration: DATABASE_URL: must be a postgres:\/\/ URL \(value hidden\)$/,
    ],
    ['SIGNING_SECRET', 'short', /^Invalid configuration: SIGNING_SECRET: .+ \(value hidden\)$/],
    ['NPS_ENV', 'prod', /^Invalid configuration: NPS_ENV: .*production.* \(got "prod"\)$/],
    ['BATCH_SIZE', '0', /^Invalid configuration: BATCH_SIZE: .+ \(got "0"\)$/],
  ])('rejects a bad %s with one line naming it', (variable, value, message) => {
    const load = () => loadEnv(ExampleEnv, { [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  describe('with NPS_ENV=production', () => {
    it('starts when every development secret is replaced', () => {
      expect(loadEnv(ExampleEnv, PRODUCTION).NPS_ENV).toBe('production');
    });

    it.each([
      ['SIGNING_SECRET', undefined, 'is the development default'],
      ['OIDC_ISSUER', undefined, 'is the local development issuer'],
      ['DATABASE_URL', undefined, DEVELOPMENT_PASSWORD],
      ['DATABASE_URL', 'postgres://postgres:postgres@db.internal:5432/nps', DEVELOPMENT_PASSWORD],
      ['DATABASE_URL', 'postgres://nps@db.internal:5432/nps', DEVELOPMENT_PASSWORD],
    ])('refuses %s = %s in one line naming it', (variable, value, reason) => {
      const load = () => loadEnv(ExampleEnv, { ...PRODUCTION, [variable]: value });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(`Invalid configuration: ${variable}: ${reason}, which NPS_ENV=production refuses`);
    });

    it('does not refuse development values in development', () => {
      expect(loadEnv(ExampleEnv, {}).SIGNING_SECRET).toBe('local-development-only-signing-secret');
    });
  });
});
