import { randomBytes } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { DeadLetterReplayer, groupIdOf } from '@nps/messaging';
import { anEvent, expectEventually, serviceBed, toRecord } from '@nps/testing';
import { LEDGER, ledgerComments } from '../fixtures/ledger/ledger.definition';
import { CONSUMER_MODES } from './consumer.modes';

// A poison record, an invalid event and a record whose handler always throws end in the dead-letter topic
// with their reason, the records behind them are processed meanwhile, and after the fix a
// replay from the dead-letter topic applies the failed one exactly once.
describe.each(CONSUMER_MODES)('dead letters ($mode)', ({ env }) => {
  const retries = { CONSUMER_MAX_ATTEMPTS: '3', CONSUMER_RETRY_BACKOFF_MS: '50' };
  const bed = serviceBed({ service: LEDGER, env: { ...env, ...retries }, autoStart: false });
  const { kafkaBrokers: brokers, topicPrefix } = bed;

  it('holds up nothing, keeps the reason, and replays once', async () => {
    let ledger = (await bed.start({ FAIL_ON: 'bad' })).process;

    const event = (comment: string, score?: number) =>
      toRecord(Topics.ResponseReceived, anEvent(Topics.ResponseReceived, { customerId: 'c-7', comment, score }));
    // Same key, so same partition: the good ones queue up behind the two bad ones.
    await bed.publishRecords([
      event('first'),
      { topic: Topics.ResponseReceived.name, message: { key: 'c-7', value: randomBytes(64), headers: {} } },
      event('bad'),
      event('eleven', 11),
      event('second'),
      event('third'),
    ]);

    const effects = () => ledgerComments(bed);
    await expectEventually(async () => expect(await effects()).toEqual(['first', 'second', 'third']), {
      timeoutMs: 30000,
    });

    const replayer = new DeadLetterReplayer({ brokers, clientId: 'dlq-test', topicPrefix });
    const letters = await expectEventually(async () => {
      const found = await replayer.list(Topics.ResponseReceived.name);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(letters[0]).toMatchObject({
      originTopic: Topics.ResponseReceived.name,
      originOffset: '1',
      consumerGroup: groupIdOf('ledger', topicPrefix),
      reason: 'MISSING_HEADER',
      attempts: '1',
      errorClass: 'UndecodableEventError',
    });
    expect(letters[1]).toMatchObject({
      originOffset: '2',
      reason: 'HANDLER_FAILED',
      errorClass: 'RangeError',
      errorMessage: 'cannot record bad',
      attempts: '3',
    });
    expect(Number.isNaN(Date.parse(letters[1].firstFailureAt))).toBe(false);
    // No retry can make a score of 11 valid: dead-lettered on the first attempt.
    expect(letters[2]).toMatchObject({
      originOffset: '3',
      reason: 'INVALID_EVENT',
      errorClass: 'RejectedEventError',
      attempts: '1',
    });

    // The fix is deployed: the same service without the bug.
    await ledger.stop('SIGTERM');
    ledger = (await bed.start()).process;
    expect(
      await replayer.replay(Topics.ResponseReceived.name, { consumerGroup: groupIdOf('ledger', topicPrefix) }),
    ).toBe(1);
    await expectEventually(async () => expect(await effects()).toEqual(['first', 'second', 'third', 'bad']), {
      timeoutMs: 30000,
    });

    // A second replay finds nothing left to put back.
    expect(
      await replayer.replay(Topics.ResponseReceived.name, { consumerGroup: groupIdOf('ledger', topicPrefix) }),
    ).toBe(0);
    expect(await effects()).toEqual(['first', 'second', 'third', 'bad']);
  });
});
