import { dropKafkajsNegativeTimeoutWarnings } from './negative-timeout-warnings';

/** Calls process.emitWarning from code whose stack names kafkajs, as its timers' warnings do. */
const fromKafkajs = new Function(
  'warning',
  'type',
  'process.emitWarning(warning, type)\n//# sourceURL=/app/node_modules/kafkajs/src/network/requestQueue/index.js',
) as (warning: string, type: string) => void;

describe('dropKafkajsNegativeTimeoutWarnings', () => {
  const original = process.emitWarning;
  const emitted: string[] = [];

  beforeAll(() => {
    process.emitWarning = ((warning: string, type: string) => emitted.push(`${type}: ${warning}`)) as never;
    dropKafkajsNegativeTimeoutWarnings();
  });
  afterAll(() => {
    process.emitWarning = original;
  });

  it("drops kafkajs' TimeoutNegativeWarning and lets every other warning through", () => {
    fromKafkajs('-1764 is a negative number.', 'TimeoutNegativeWarning');
    process.emitWarning('-5 is a negative number.', 'TimeoutNegativeWarning');
    fromKafkajs('something else', 'DeprecationWarning');

    expect(emitted).toEqual(['TimeoutNegativeWarning: -5 is a negative number.', 'DeprecationWarning: something else']);
  });

  it('wraps process.emitWarning once, however often it is called (jest loads modules once per test file)', () => {
    const wrapped = process.emitWarning;
    dropKafkajsNegativeTimeoutWarnings();
    jest.isolateModules(() => {
      const again = require('./negative-timeout-warnings') as typeof import('./negative-timeout-warnings');
      again.dropKafkajsNegativeTimeoutWarnings();
    });

    expect(process.emitWarning).toBe(wrapped);
  });
});
