import { type BaseEnv, ConfigError, readPemFile } from '@nps/config';

/** The Node TLS options we hand node-postgres (and TypeORM) as `ssl`. */
export interface DatabaseTls {
  /** PEM bundle to trust instead of the system's CAs. */
  ca?: string;
  rejectUnauthorized: boolean;
  /** Overridden to accept any host name (verify-ca). */
  checkServerIdentity?: () => undefined;
}

/** `ssl` of node-postgres: false for plain TCP. */
export type DatabaseSsl = false | DatabaseTls;

/**
 * libpq's sslmode as node-postgres TLS options (docs/adr/0026). `require` encrypts without checking
 * the certificate; `verify-ca` checks it chains to the CA; `verify-full` also checks the host name.
 */
export function databaseSslFrom(mode: BaseEnv['DATABASE_SSL_MODE'], caFile?: string): DatabaseSsl {
  if (mode === 'disable') return false;
  if (mode === 'require') return { rejectUnauthorized: false };
  const ca = caFile ? { ca: readPemFile('DATABASE_SSL_CA_FILE', caFile) } : {};
  if (mode === 'verify-ca') return { ...ca, rejectUnauthorized: true, checkServerIdentity: () => undefined };
  return { ...ca, rejectUnauthorized: true };
}

/**
 * node-postgres lets TLS parameters in the URL (`sslmode`, `sslrootcert`, …) override the `ssl` option: with
 * DATABASE_SSL_MODE set, such a URL would silently win, so it stops the start instead. The URL is not echoed.
 */
export function assertOneSslSource(url: string, mode: BaseEnv['DATABASE_SSL_MODE']): void {
  if (mode === 'disable') return;
  const inUrl = [...new URL(url).searchParams.keys()].filter((key) => key === 'ssl' || key.startsWith('ssl'));
  if (inUrl.length === 0) return;
  throw new ConfigError(
    `Invalid configuration: DATABASE_URL: holds ${inUrl.join(', ')}, which would override DATABASE_SSL_MODE; ` +
      'set TLS with DATABASE_SSL_MODE and DATABASE_SSL_CA_FILE only',
  );
}
