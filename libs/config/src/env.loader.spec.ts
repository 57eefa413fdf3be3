import { IsInt, Min } from 'class-validator';
import { BaseEnv } from './base.env';
import { ConfigError } from './config.error';
import { loadEnv } from './env.loader';

class ExampleEnv extends BaseEnv {
  @IsInt()
  @Min(1)
  BATCH_SIZE: number = 100;
}

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

  it('treats an empty variable as unset', () => {
    expect(loadEnv(ExampleEnv, { LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it.each([
    ['KAFKA_BROKERS', 'localhost', /^Invalid configuration: KAFKA_BROKERS: must be a comma-separated list of host:port \(got "localhost"\)$/],
    ['PORT', 'abc', /^Invalid configuration: PORT: .+ \(got "abc"\)$/],
    ['LOG_LEVEL', 'loud', /^Invalid configuration: LOG_LEVEL: .*info.* \(got "loud"\)$/],
    ['DATABASE_URL', 'mysql://x', /^Invalid configuration: DATABASE_URL: must be a postgres:\/\/ URL \(got "mysql:\/\/x"\)$/],
    ['BATCH_SIZE', '0', /^Invalid configuration: BATCH_SIZE: .+ \(got "0"\)$/],
  ])('rejects a bad %s with one line naming it', (variable, value, message) => {
    const load = () => loadEnv(ExampleEnv, { [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });
});
