import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['reset socket', withCode('ECONNRESET')],
    ['SQLSTATE 08006 connection failure', withCode('08006')],
    ['SQLSTATE 53300 too many connections', withCode('53300')],
    ['SQLSTATE 57P01 admin shutdown', withCode('57P01')],
    ['SQLSTATE 57P03 cannot connect now', withCode('57P03')],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly')],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped by TypeORM', new QueryFailedError('SELECT 1', [], withCode('57P01'))],
    ['as a cause', new Error('inbox insert failed', { cause: withCode('ECONNREFUSED') })],
  ])('%s → unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', withCode('23505')],
    ['syntax error', withCode('42601')],
    ['serialization failure', withCode('40001')],
    ['a handler bug', new TypeError('cannot read properties of undefined')],
    ['wrapped constraint violation', new QueryFailedError('INSERT', [], withCode('23514'))],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s → not unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
