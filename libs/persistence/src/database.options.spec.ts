import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseEnv } from '@nps/config';
import type { DataSourceOptions } from 'typeorm';
import { dataSourceOptions as typeOrmOptions, pgClientConfig, type DatabaseOptions } from './database.options';
import { databaseSslFrom } from './database-ssl';
import { databaseOptionsFrom } from './persistence.module';

const definition = { schema: 'scoring', entities: [], migrations: [] };
const dataSourceOptions = (options: DatabaseOptions) =>
  typeOrmOptions(options) as Extract<DataSourceOptions, { type: 'postgres' }>;
const env = (values: Partial<BaseEnv>) => Object.assign(new BaseEnv(), values);

describe('database options from the environment', () => {
  it('defaults to a pool of 10, no statement timeout and no TLS', () => {
    const options = dataSourceOptions(databaseOptionsFrom(env({}), definition));
    expect(options.ssl).toBe(false);
    expect(options.extra).toEqual({ max: 10, connectionTimeoutMillis: 5000, application_name: 'scoring' });
  });

  it('sizes the pool and sets statement_timeout on every connection', () => {
    const options = dataSourceOptions(
      databaseOptionsFrom(env({ DATABASE_POOL_SIZE: 25, DATABASE_STATEMENT_TIMEOUT_MS: 15000 }), definition),
    );
    expect(options.extra).toMatchObject({ max: 25, statement_timeout: 15000 });
  });

  it('hands the TLS options to single connections too (schema creation, migration lock)', () => {
    const options = databaseOptionsFrom(env({ DATABASE_SSL_MODE: 'require' }), definition);
    expect(pgClientConfig(options).ssl).toEqual({ rejectUnauthorized: false });
    expect(dataSourceOptions(options).ssl).toEqual({ rejectUnauthorized: false });
  });
});

describe('databaseSslFrom (libpq sslmode names)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'pg-ca-')), 'ca.crt');
  writeFileSync(file, 'PEM');

  it('disable: plain TCP', () => expect(databaseSslFrom('disable', file)).toBe(false));

  it('require: encrypted, certificate not checked', () =>
    expect(databaseSslFrom('require')).toEqual({ rejectUnauthorized: false }));

  it('verify-ca: certificate chains to the CA, any host name', () => {
    const ssl = databaseSslFrom('verify-ca', file);
    expect(ssl).toMatchObject({ ca: 'PEM', rejectUnauthorized: true });
    expect(ssl && ssl.checkServerIdentity?.()).toBeUndefined();
  });

  it('verify-full: certificate and host name checked, against the system CAs without a CA file', () => {
    expect(databaseSslFrom('verify-full', file)).toEqual({ ca: 'PEM', rejectUnauthorized: true });
    expect(databaseSslFrom('verify-full')).toEqual({ rejectUnauthorized: true });
  });

  it('refuses TLS parameters in DATABASE_URL alongside DATABASE_SSL_MODE (node-postgres would let the URL win)', () => {
    const url = 'postgres://nps:s3cret@db:5432/nps?sslmode=verify-full';
    const options = () => databaseOptionsFrom(env({ DATABASE_URL: url, DATABASE_SSL_MODE: 'verify-full' }), definition);
    expect(options).toThrow(
      /^Invalid configuration: DATABASE_URL: holds sslmode, which would override DATABASE_SSL_MODE/,
    );
    expect(options).not.toThrow(/s3cret/);
    expect(databaseOptionsFrom(env({ DATABASE_URL: url }), definition).ssl).toBe(false); // disable: the URL decides
  });

  it('names DATABASE_SSL_CA_FILE when it cannot be read', () =>
    expect(() => databaseSslFrom('verify-full', '/nonexistent/ca.crt')).toThrow(/DATABASE_SSL_CA_FILE/));
});
