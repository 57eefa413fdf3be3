import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { BaseEnv, ConfigError } from '@nps/config';
import { Topics } from '@nps/contracts';
import { logLevel } from 'kafkajs';
import { kafkaConfig, kafkaConnectionFrom } from './kafka.options';
import { topicConfig } from './topic.provisioner';

const env = (values: Partial<BaseEnv>) => Object.assign(new BaseEnv(), values);

describe('kafkaConfig from the environment', () => {
  it('connects in plain text, unauthenticated, by default', () => {
    const config = kafkaConfig(kafkaConnectionFrom(env({ KAFKA_BROKERS: 'a:9092, b:9092' }), 'scoring'));
    expect(config).toMatchObject({ clientId: 'scoring', brokers: ['a:9092', 'b:9092'] });
    expect(config).not.toHaveProperty('ssl');
    expect(config).not.toHaveProperty('sasl');
  });

  it('uses TLS with the system CAs when KAFKA_SSL is true and no CA file is named', () => {
    expect(kafkaConfig(kafkaConnectionFrom(env({ KAFKA_SSL: true }), 'scoring')).ssl).toBe(true);
  });

  it('trusts the CA bundle of KAFKA_SSL_CA_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kafka-ca-')), 'ca.crt');
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const config = kafkaConfig(kafkaConnectionFrom(env({ KAFKA_SSL: true, KAFKA_SSL_CA_FILE: file }), 'scoring'));
    expect(config.ssl).toEqual({ ca: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'] });
  });

  it('stops with a ConfigError naming KAFKA_SSL_CA_FILE when the file cannot be read', () => {
    const connect = () => kafkaConnectionFrom(env({ KAFKA_SSL: true, KAFKA_SSL_CA_FILE: '/nonexistent/ca.crt' }), 'x');
    expect(connect).toThrow(ConfigError);
    expect(connect).toThrow(/^Invalid configuration: KAFKA_SSL_CA_FILE: cannot read "\/nonexistent\/ca.crt"/);
  });

  it.each(['scram-sha-256', 'scram-sha-512', 'plain'] as const)('authenticates with SASL %s', (mechanism) => {
    const sasl = { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: 'nps', KAFKA_SASL_PASSWORD: 's3cret' };
    const config = kafkaConfig(kafkaConnectionFrom(env({ KAFKA_SSL: true, ...sasl }), 'scoring'));
    expect(config.sasl).toEqual({ mechanism, username: 'nps', password: 's3cret' });
    expect(config.ssl).toBe(true);
  });

  it('keeps TLS and SASL on the copies other clients make (health check, replayer)', () => {
    const connection = kafkaConnectionFrom(
      env({ KAFKA_SSL: true, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' }),
      'scoring',
    );
    const config = kafkaConfig({ ...connection, clientId: 'scoring-health' });
    expect(config).toMatchObject({ ssl: true, sasl: { mechanism: 'plain' } });
  });
});

describe('kafkajs log lines', () => {
  const creator = kafkaConfig(kafkaConnectionFrom(env({}), 'scoring')).logCreator;
  const log = (level: logLevel, message: string, error?: string) =>
    creator?.(logLevel.WARN)({
      namespace: 'Connection',
      level,
      label: 'ERROR',
      log: { timestamp: new Date().toISOString(), message, ...(error && { error }) },
    });
  let error: jest.SpyInstance;
  let debug: jest.SpyInstance;
  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs an error kafkajs reports as an error', () => {
    log(logLevel.ERROR, 'Response Fetch(key: 1, version: 11)', 'The request timed out');
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ msg: 'Response Fetch(key: 1, version: 11)' }));
    expect(debug).not.toHaveBeenCalled();
  });

  it.each([
    'This server does not host this topic-partition',
    'There is no leader for this topic-partition as we are in the middle of a leadership election',
    "The coordinator is loading and hence can't process requests",
    'Topic with this name already exists',
    'The group coordinator is not available',
  ])('logs "%s" at debug: a fresh topic or broker settling, which kafkajs or the provisioner retries', (message) => {
    log(logLevel.ERROR, 'Response Metadata(key: 3, version: 6)', message);
    expect(debug).toHaveBeenCalledWith(expect.objectContaining({ error: message }));
    expect(error).not.toHaveBeenCalled();
  });
});

describe('topicConfig', () => {
  it('asks for the configured replication factor and min.insync.replicas', () => {
    const topic = topicConfig(Topics.ResponseReceived, 'p.', { replicationFactor: 3, minInsyncReplicas: 2 });
    expect(topic).toMatchObject({ topic: `p.${Topics.ResponseReceived.name}`, replicationFactor: 3 });
    expect(topic.configEntries).toContainEqual({ name: 'min.insync.replicas', value: '2' });
  });

  it('defaults to a single broker', () => {
    const topic = topicConfig(Topics.ResponseReceived, '');
    expect(topic.replicationFactor).toBe(1);
    expect(topic.configEntries).toContainEqual({ name: 'min.insync.replicas', value: '1' });
  });
});
