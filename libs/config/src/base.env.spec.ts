import { BaseEnv } from './base.env';
import { loadEnv } from './env.loader';

// The production Kafka and Postgres settings the Helm chart sets (docs/deploy.md, docs/adr/0026).
describe('BaseEnv production connection settings', () => {
  it('defaults to a developer machine: no TLS, no SASL, one replica, pool of 10, no timeout, migrate on start', () => {
    const env = loadEnv(BaseEnv, {});
    expect(env).toMatchObject({
      KAFKA_SSL: false,
      KAFKA_TOPIC_REPLICATION_FACTOR: 1,
      KAFKA_TOPIC_MIN_INSYNC_REPLICAS: 1,
      DATABASE_SSL_MODE: 'disable',
      DATABASE_POOL_SIZE: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 0,
      DB_MIGRATIONS_RUN: true,
    });
    expect(env.KAFKA_SASL_MECHANISM).toBeUndefined();
    expect(env.KAFKA_SSL_CA_FILE).toBeUndefined();
    expect(env.DATABASE_SSL_CA_FILE).toBeUndefined();
  });

  it('reads the values of the production chart', () => {
    const env = loadEnv(BaseEnv, {
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/nps/kafka-ca/ca.crt',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'nps',
      KAFKA_SASL_PASSWORD: 'from-the-vault',
      KAFKA_TOPIC_REPLICATION_FACTOR: '3',
      KAFKA_TOPIC_MIN_INSYNC_REPLICAS: '2',
      DATABASE_SSL_MODE: 'verify-full',
      DATABASE_SSL_CA_FILE: '/etc/nps/postgres-ca/ca.crt',
      DATABASE_POOL_SIZE: '20',
      DATABASE_STATEMENT_TIMEOUT_MS: '15000',
      DB_MIGRATIONS_RUN: 'false',
    });
    expect(env).toMatchObject({
      KAFKA_SSL: true,
      KAFKA_SSL_CA_FILE: '/etc/nps/kafka-ca/ca.crt',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'nps',
      KAFKA_SASL_PASSWORD: 'from-the-vault',
      KAFKA_TOPIC_REPLICATION_FACTOR: 3,
      KAFKA_TOPIC_MIN_INSYNC_REPLICAS: 2,
      DATABASE_SSL_MODE: 'verify-full',
      DATABASE_SSL_CA_FILE: '/etc/nps/postgres-ca/ca.crt',
      DATABASE_POOL_SIZE: 20,
      DATABASE_STATEMENT_TIMEOUT_MS: 15000,
      DB_MIGRATIONS_RUN: false,
    });
  });

  it.each([
    ['KAFKA_SSL', 'yes'],
    ['KAFKA_SASL_MECHANISM', 'gssapi'],
    ['KAFKA_TOPIC_REPLICATION_FACTOR', '0'],
    ['KAFKA_TOPIC_MIN_INSYNC_REPLICAS', 'two'],
    ['DATABASE_SSL_MODE', 'prefer'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '-1'],
    ['DB_MIGRATIONS_RUN', 'no'],
  ])('refuses %s=%s, naming it', (variable, value) => {
    expect(() => loadEnv(BaseEnv, { [variable]: value })).toThrow(new RegExp(`^Invalid configuration: ${variable}: `));
  });

  it('wants a user name and a password with a SASL mechanism', () => {
    expect(() => loadEnv(BaseEnv, { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: 'p' })).toThrow(
      /^Invalid configuration: KAFKA_SASL_USERNAME: must be set with KAFKA_SASL_MECHANISM \(it is not set\)$/,
    );
    expect(() => loadEnv(BaseEnv, { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' })).toThrow(
      /^Invalid configuration: KAFKA_SASL_PASSWORD: must be set with KAFKA_SASL_MECHANISM \(it is not set\)$/,
    );
  });
});
