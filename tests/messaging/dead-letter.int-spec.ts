import { randomBytes } from 'node:crypto';
import { encodeEvent, Topics } from '@nps/contracts';
import { DeadLetterReplayer, EventPublisher, groupIdOf } from '@nps/messaging';
import { aResponseReceived, expectEventually } from '@nps/testing';
import { ledgerBed } from '../fixtures/ledger/ledger.process';

// A poison record, an invalid event and a record whose handler always throws end in the dead-letter topic
// with their reason, the records behind them are processed meanwhile, and after the fix a
// replay from the dead-letter topic applies the failed one exactly once.
describe('dead letters', () => {
  const bed = ledgerBed();
  const { brokers } = bed;

  it('holds up nothing, keeps the reason, and replays once', async () => {
    const { schema, topicPrefix } = await bed.namespace();
    const retries = { CONSUMER_MAX_ATTEMPTS: '3', CONSUMER_RETRY_BACKOFF_MS: '50' };
    let ledger = (await bed.start({ schema, topicPrefix, failOn: 'bad', extraEnv: retries })).process;

    const event = (comment: string) => encodeEvent(Topics.ResponseReceived, aResponseReceived().forCustomer('c-7').withComment(comment).build(), { source: 'test' });
    const publisher = new EventPublisher({ brokers, clientId: 'response-ingestion', topicPrefix });
    await publisher.onModuleInit();
    // Same key, so same partition: the good ones queue up behind the two bad ones.
    await publisher.publish(Topics.ResponseReceived.name, [
      event('first'),
      { key: 'c-7', value: randomBytes(64), headers: {} },
      event('bad'),
      encodeEvent(Topics.ResponseReceived, aResponseReceived().forCustomer('c-7').withComment('eleven').withScore(11).build(), { source: 'test' }),
      event('second'),
      event('third'),
    ]);
    await publisher.onApplicationShutdown();

    const effects = () => bed.comments(schema);
    await expectEventually(async () => expect(await effects()).toEqual(['first', 'second', 'third']), { timeoutMs: 30000 });

    const replayer = new DeadLetterReplayer({ brokers, clientId: 'dlq-test', topicPrefix });
    const letters = await expectEventually(async () => {
      const found = await replayer.list(Topics.ResponseReceived.name);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(letters[0]).toMatchObject({ originTopic: Topics.ResponseReceived.name, originOffset: '1', consumerGroup: groupIdOf('ledger', topicPrefix), reason: 'MISSING_HEADER', attempts: '1', errorClass: 'UndecodableEventError' });
    expect(letters[1]).toMatchObject({ originOffset: '2', reason: 'HANDLER_FAILED', errorClass: 'RangeError', errorMessage: 'cannot record bad', attempts: '3' });
    expect(Number.isNaN(Date.parse(letters[1].firstFailureAt))).toBe(false);
    // No retry can make a score of 11 valid: dead-lettered on the first attempt.
    expect(letters[2]).toMatchObject({ originOffset: '3', reason: 'INVALID_EVENT', errorClass: 'RejectedEventError', attempts: '1' });

    // The fix is deployed: the same service without the bug.
    await ledger.stop('SIGTERM');
    ledger = (await bed.start({ schema, topicPrefix, extraEnv: retries })).process;
    expect(await replayer.replay(Topics.ResponseReceived.name, { consumerGroup: groupIdOf('ledger', topicPrefix) })).toBe(1);
    await expectEventually(async () => expect(await effects()).toEqual(['first', 'second', 'third', 'bad']), { timeoutMs: 30000 });

    // A second replay finds nothing left to put back.
    expect(await replayer.replay(Topics.ResponseReceived.name, { consumerGroup: groupIdOf('ledger', topicPrefix) })).toBe(0);
    expect(await effects()).toEqual(['first', 'second', 'third', 'bad']);
  });
});
