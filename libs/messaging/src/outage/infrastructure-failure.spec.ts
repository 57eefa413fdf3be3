import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { QueryFailedError } from 'typeorm';
import { PrivacyError, PrivacyErrorCode } from '@nps/privacy';
import { unavailableDependency } from './infrastructure-failure';

const protocolError = (type: string) =>
  Object.assign(Object.create(KafkaJSProtocolError.prototype), { name: 'KafkaJSProtocolError', type });
const withCode = (error: Error, code: string) => Object.assign(error, { code });
const dropped = new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'));
const refusedBroker = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092', {
  broker: '127.0.0.1:9092',
  code: 'ECONNREFUSED',
});
// As kafkajs's retrier gives up (its types omit the cause it passes).
const givenUp = Object.assign(new KafkaJSNonRetriableError(refusedBroker), { cause: refusedBroker });
const retriesExhausted = new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('Connection timeout'), {
  retryCount: 5,
  retryTime: 3000,
} as never);

describe('unavailableDependency', () => {
  it.each([
    ['a refused Postgres connection', withCode(new Error('connect ECONNREFUSED'), 'ECONNREFUSED'), 'postgres'],
    ['a statement failing on a dropped connection', dropped, 'postgres'],
    ['Postgres shutting down (57P01)', withCode(new Error('terminating connection'), '57P01'), 'postgres'],
    ['no broker connection', new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'), 'kafka'],
    ['a refused broker connection, with its socket code', refusedBroker, 'kafka'],
    ['a refused broker connection, given up on', givenUp, 'kafka'],
    ['retries exhausted on a connection error', retriesExhausted, 'kafka'],
    ['a leader not elected yet', protocolError('LEADER_NOT_AVAILABLE'), 'kafka'],
    [
      'a data key under a master key not configured',
      new PrivacyError(PrivacyErrorCode.MasterKeyUnknown, 'mk-1'),
      'master-key',
    ],
  ])('names the dependency for %s', (_, error, dependency) => {
    expect(unavailableDependency(error)).toBe(dependency);
  });

  it.each([
    ['a handler bug', new RangeError('cannot record')],
    ['a unique violation', withCode(new QueryFailedError('INSERT', [], new Error('duplicate key')), '23505')],
    ['a record too large for the topic', protocolError('MESSAGE_TOO_LARGE')],
    ['an altered ciphertext', new PrivacyError(PrivacyErrorCode.CiphertextRejected, 'altered')],
    ['a malformed ciphertext', new PrivacyError(PrivacyErrorCode.CiphertextMalformed, 'enc:v9')],
    ['nothing at all', undefined],
  ])('calls %s a failure of the work, not an outage', (_, error) => {
    expect(unavailableDependency(error)).toBeUndefined();
  });
});
