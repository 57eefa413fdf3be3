import { Topics } from '@nps/contracts';
import { DeadLetterReplayer } from '@nps/messaging';
import { anEvent, expectEventually, readTopics, serviceBed } from '@nps/testing';
import { LEDGER, ledgerComments } from '../fixtures/ledger/ledger.definition';

const BATCH_MODE = {
  CONSUMER_BATCH_SIZE: '50',
  CONSUMER_BATCH_WAIT_MS: '200',
  CONSUMER_PARTITIONS_CONCURRENTLY: '32',
  CONSUMER_MAX_ATTEMPTS: '3',
  CONSUMER_RETRY_BACKOFF_MS: '50',
};

// Batch mode (docs/adr/0039-batch-consumer.md): what happens to a batch when one of its records
// fails, and when the process dies while a batch's transaction is open. The ledger's `response
// received` handler is a batch handler: a failing call goes one record at a time.
describe('a consumer in batch mode', () => {
  const bed = serviceBed({ service: LEDGER, env: BATCH_MODE, autoStart: false });
  const { kafkaBrokers: brokers, topicPrefix } = bed;

  // The service creates its topics: a start and stop, and records published now wait for the next start.
  const withTopicsAndNoConsumer = async () => {
    await bed.start();
    await bed.stop('SIGTERM');
  };

  const inboxTimes = async () =>
    new Map(
      (await bed.rows<{ event_id: string; processed_at: Date }>('SELECT event_id, processed_at FROM inbox')).map(
        (row) => [row.event_id, row.processed_at.toISOString()],
      ),
    );

  it('commits the records around a poison one once each and dead-letters only it', async () => {
    await withTopicsAndNoConsumer();
    // One key, so one partition: all 40 are fetched, and handed over, as one batch.
    const events = Array.from({ length: 40 }, (_, i) =>
      anEvent(Topics.ResponseReceived, { customerId: 'c-poison', comment: i === 20 ? 'bad' : `r-${i}` }),
    );
    await bed.publish(Topics.ResponseReceived, events);
    const ledger = (await bed.start({ FAIL_ON: 'bad' })).process;

    const good = events.filter((event) => event.comment !== 'bad');
    await expectEventually(async () => expect(await ledgerComments(bed)).toEqual(good.map((e) => e.comment)), {
      timeoutMs: 30000,
    });
    const replayer = new DeadLetterReplayer({ brokers, clientId: 'batch-dlq-test', topicPrefix });
    const letters = await expectEventually(async () => {
      const found = await replayer.list(Topics.ResponseReceived.name);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letters[0]).toMatchObject({ originOffset: '20', errorMessage: 'cannot record bad', attempts: '3' });

    // The twenty before it were applied in one transaction (one now() in the inbox); the poison
    // record left no inbox row behind, so a replay after the fix still applies it.
    const times = await inboxTimes();
    expect(new Set(events.slice(0, 20).map((event) => times.get(event.eventId))).size).toBe(1);
    expect(times.has(events[20].eventId)).toBe(false);
    expect(times.size).toBe(39);
    await ledger.stop('SIGTERM');
    await bed.start();
    expect(await replayer.replay(Topics.ResponseReceived.name)).toBe(1);
    await expectEventually(async () => expect((await ledgerComments(bed)).at(-1)).toBe('bad'), { timeoutMs: 30000 });
    const comments = await ledgerComments(bed);
    expect(comments).toHaveLength(40);
    expect(new Set(comments).size).toBe(40);
    await bed.stop('SIGTERM');
  });

  it("publishes the events of a batch's applied records once each, and none of a record rolled back", async () => {
    await withTopicsAndNoConsumer();
    // One key: one batch. Each record publishes an echo before the failure check, the poison one too.
    const events = Array.from({ length: 30 }, (_, i) =>
      anEvent(Topics.ResponseReceived, { customerId: 'c-echo', comment: `echo-${i}` }),
    );
    await bed.publish(Topics.ResponseReceived, events);
    await bed.start({ FAIL_ON: 'echo-15' });

    const echoes = events.filter((event) => event.comment !== 'echo-15').map((event) => `customer:${event.comment}`);
    await expectEventually(
      async () => expect((await ledgerComments(bed)).filter((c) => c.startsWith('customer:'))).toEqual(echoes),
      { timeoutMs: 30000 },
    );
    const replayer = new DeadLetterReplayer({ brokers, clientId: 'batch-echo-test', topicPrefix });
    await expectEventually(async () =>
      expect(await replayer.list(Topics.ResponseReceived.name)).toContainEqual(
        expect.objectContaining({ errorMessage: 'cannot record echo-15' }),
      ),
    );
    await bed.outboxDrained();
    expect(await ledgerComments(bed)).not.toContain('customer:echo-15');
    await bed.stop('SIGTERM');
  });

  it("writes what a batch's records defer once, and isolates the record that makes that write fail", async () => {
    await withTopicsAndNoConsumer();
    // One key, so one batch: twenty records adding to the tally (ledger.tally.ts), whose write refuses the eleventh.
    const events = Array.from({ length: 20 }, (_, i) =>
      anEvent(Topics.ResponseReceived, { customerId: 'c-tally', comment: i === 10 ? 'tally-fail' : `tally-${i}` }),
    );
    await bed.publish(Topics.ResponseReceived, events);
    await bed.start();

    const tallies = async () =>
      (await ledgerComments(bed)).filter((c) => c.startsWith('tally:')).map((c) => c.slice('tally:'.length).split(','));
    const good = events.filter((event) => event.comment !== 'tally-fail').map((event) => event.comment);
    await expectEventually(async () => expect((await tallies()).flat()).toEqual(good), { timeoutMs: 30000 });
    const replayer = new DeadLetterReplayer({ brokers, clientId: 'batch-tally-test', topicPrefix });
    // The earlier tests' dead letters share the topic: this one's are those of its key.
    const letters = await expectEventually(async () => {
      const found = (await replayer.list(Topics.ResponseReceived.name)).filter((letter) => letter.key === 'c-tally');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letters[0]).toMatchObject({ originOffset: '10', errorMessage: 'cannot tally tally-fail' });
    // The failing batch went record by record up to the culprit; the nine after it were tallied in one write.
    expect((await tallies()).slice(0, 10)).toEqual(good.slice(0, 10).map((comment) => [comment]));
    expect((await tallies()).slice(10)).toEqual([good.slice(10)]);
    const inbox = await inboxTimes();
    expect(events.filter((event) => inbox.has(event.eventId)).map((event) => event.comment)).toEqual(good);
    await bed.stop('SIGTERM');
  });

  it('applies every record exactly once when killed three times in the middle of a batch', async () => {
    await withTopicsAndNoConsumer();
    // Records whose handler hangs: each kill finds a batch transaction open, with records applied before it.
    // All three on one key, so one partition reaches them in this order: on different partitions, a run
    // could apply a later run's hang record before it met its own, and that run would never hang.
    const hangs = [57, 163, 271];
    const events = Array.from({ length: 300 }, (_, i) =>
      anEvent(Topics.ResponseReceived, {
        customerId: hangs.includes(i) ? 'c-1' : `c-${i % 6}`,
        comment: hangs.includes(i) ? `hang-${i}` : `k-${i}`,
      }),
    );
    await bed.publish(Topics.ResponseReceived, events);
    for (const hang of hangs) {
      const ledger = (await bed.start({ HANG_ON: `hang-${hang}` })).process;
      await ledger.waitForOutput(`hanging on hang-${hang}`);
      expect((await ledger.stop('SIGKILL')).signal).toBe('SIGKILL');
    }
    await bed.start();

    const wanted = new Set(events.map((event) => event.comment));
    await expectEventually(
      async () => {
        const comments = await ledgerComments(bed);
        expect(comments.filter((comment) => wanted.has(comment))).toHaveLength(events.length);
      },
      { timeoutMs: 60000, intervalMs: 200 },
    );
    const comments = (await ledgerComments(bed)).filter((comment) => wanted.has(comment));
    expect(comments).toHaveLength(events.length);
    expect(new Set(comments)).toEqual(wanted);
    // Per key, in offset order.
    for (let key = 0; key < 6; key++) {
      const ofKey = events.filter((event) => event.customerId === `c-${key}`).map((event) => event.comment);
      expect(comments.filter((comment) => ofKey.includes(comment))).toEqual(ofKey);
    }
  }, 180000);

  it('hands a batch handler the fresh records of a batch in one call', async () => {
    // Last, because the specs above count every effect and offset; the crash spec left the ledger running.
    await bed.stop('SIGTERM');
    // One key, so one partition: the 20 records are there before the consumer starts, and come as one batch.
    const events = Array.from({ length: 20 }, (_, i) =>
      anEvent(Topics.ResponseReceived, { customerId: 'c-size', comment: `size-${i}` }),
    );
    await bed.publish(Topics.ResponseReceived, events);
    await bed.start();
    const sized = events.map((event) => `${event.comment}@20`);
    const sizes = async () => (await ledgerComments(bed)).filter((comment) => comment.startsWith('size-'));
    await expectEventually(async () => expect(await sizes()).toEqual(sized), { timeoutMs: 30000 });
    await bed.stop('SIGTERM');
  });

  // The outbox relay publishes at least once: after a crash or a Postgres outage between its send and
  // its delete, the same event follows itself in the partition, often within one batch.
  it('applies an event that appears twice in one batch once', async () => {
    const events = Array.from({ length: 6 }, (_, i) =>
      anEvent(Topics.ResponseReceived, { customerId: 'c-twice', comment: `twice-${i}` }),
    );
    await bed.publish(Topics.ResponseReceived, [...events.slice(0, 4), events[2], events[3], ...events.slice(4)]);
    await bed.start();
    const twice = async () => (await ledgerComments(bed)).filter((comment) => comment.startsWith('twice-'));
    // One key, so one partition and one batch of 8: applied in one transaction, so all at once.
    await expectEventually(async () => expect((await twice()).length).toBeGreaterThanOrEqual(6), { timeoutMs: 30000 });
    expect(await twice()).toEqual(events.map((event) => event.comment));
    await bed.stop('SIGTERM');
  });

  // A batch of one goes the per-record way (ADR 0039): the same guarantees, without savepoints.
  it('applies a record that comes alone once, and retries and dead-letters a lone poison record', async () => {
    await bed.start({ FAIL_ON: 'lone-bad' });
    const lone = async () => (await ledgerComments(bed)).filter((comment) => comment.startsWith('lone-'));
    const [first, poison, after] = ['lone-1', 'lone-bad', 'lone-2'].map((comment) =>
      anEvent(Topics.ResponseReceived, { customerId: 'c-lone', comment }),
    );
    await bed.publish(Topics.ResponseReceived, [first]);
    await expectEventually(async () => expect(await lone()).toEqual(['lone-1']), { timeoutMs: 30000 });
    await bed.publish(Topics.ResponseReceived, [poison]);
    const replayer = new DeadLetterReplayer({ brokers, clientId: 'batch-lone-test', topicPrefix });
    await expectEventually(async () =>
      expect(await replayer.list(Topics.ResponseReceived.name)).toContainEqual(
        expect.objectContaining({ errorMessage: 'cannot record lone-bad', attempts: '3' }),
      ),
    );
    await bed.publish(Topics.ResponseReceived, [after]);
    await expectEventually(async () => expect(await lone()).toEqual(['lone-1', 'lone-2']), { timeoutMs: 30000 });
    expect((await inboxTimes()).has(poison.eventId)).toBe(false);
    await bed.stop('SIGTERM');
  });

  // Records applied one at a time take a savepoint each, and Postgres caches 64 subtransactions of a transaction
  // (ADR 0075): a failed batch larger than that is applied 64 records per transaction.
  it('applies a failed batch of more records than a transaction has savepoints for in several transactions', async () => {
    await withTopicsAndNoConsumer();
    // One key, so one partition: the 150 records are there before the consumer starts, and come as one batch.
    const events = Array.from({ length: 150 }, (_, i) =>
      anEvent(Topics.ResponseReceived, { customerId: 'c-many', comment: i === 140 ? 'many-bad' : `many-${i}` }),
    );
    await bed.publish(Topics.ResponseReceived, events);
    await bed.start({ FAIL_ON: 'many-bad', CONSUMER_BATCH_SIZE: '150' });

    const good = events.filter((event) => event.comment !== 'many-bad').map((event) => event.comment);
    const many = async () => (await ledgerComments(bed)).filter((comment) => comment.startsWith('many-'));
    await expectEventually(async () => expect(await many()).toEqual(good), { timeoutMs: 60000 });
    const times = await inboxTimes();
    const transactions = (from: number, to: number) =>
      new Set(events.slice(from, to).map((event) => times.get(event.eventId))).size;
    expect([transactions(0, 64), transactions(64, 128), transactions(0, 128), transactions(128, 140)]).toEqual([
      1, 1, 2, 1,
    ]);
    expect(times.has(events[140].eventId)).toBe(false);
    await bed.stop('SIGTERM');
  });

  // The batches of a topic's partitions handed over at once share one transaction (ADR 0047).
  describe('with the batches of several partitions handed over at once', () => {
    const partitionsOf = async (keyPrefix: string) =>
      new Set(
        (await readTopics(brokers, topicPrefix))
          .filter((record) => record.topic.endsWith(Topics.ResponseReceived.name))
          .filter((record) => record.key?.toString().startsWith(keyPrefix))
          .map((record) => record.partition),
      );

    it('applies them in one transaction', async () => {
      await withTopicsAndNoConsumer();
      const events = Array.from({ length: 24 }, (_, i) =>
        anEvent(Topics.ResponseReceived, { customerId: `c-together-${i % 6}`, comment: `together-${i}` }),
      );
      await bed.publish(Topics.ResponseReceived, events);
      expect((await partitionsOf('c-together-')).size).toBeGreaterThan(1);
      await bed.start();
      const together = async () => (await ledgerComments(bed)).filter((comment) => comment.startsWith('together-'));
      await expectEventually(async () => expect(await together()).toHaveLength(24), { timeoutMs: 30000 });
      const times = await inboxTimes();
      expect(new Set(events.map((event) => times.get(event.eventId))).size).toBe(1);
      for (let key = 0; key < 6; key++) {
        const ofKey = events.filter((event) => event.customerId === `c-together-${key}`).map((event) => event.comment);
        expect((await together()).filter((comment) => ofKey.includes(comment))).toEqual(ofKey);
      }
      await bed.stop('SIGTERM');
    });

    it('applies each partition on its own when a record fails, and dead-letters only that record', async () => {
      await withTopicsAndNoConsumer();
      const events = Array.from({ length: 24 }, (_, i) =>
        anEvent(Topics.ResponseReceived, {
          customerId: `c-apart-${i % 6}`,
          comment: i === 13 ? 'apart-bad' : `apart-${i}`,
        }),
      );
      await bed.publish(Topics.ResponseReceived, events);
      expect((await partitionsOf('c-apart-')).size).toBeGreaterThan(1);
      const ledger = (await bed.start({ FAIL_ON: 'apart-bad' })).process;
      await ledger.waitForOutput('failed together');

      const apart = async () => (await ledgerComments(bed)).filter((comment) => comment.startsWith('apart-'));
      const good = events.filter((event) => event.comment !== 'apart-bad');
      await expectEventually(async () => expect(await apart()).toHaveLength(good.length), { timeoutMs: 30000 });
      const replayer = new DeadLetterReplayer({ brokers, clientId: 'batch-apart-test', topicPrefix });
      await expectEventually(async () =>
        expect(await replayer.list(Topics.ResponseReceived.name)).toContainEqual(
          expect.objectContaining({ key: 'c-apart-1', errorMessage: 'cannot record apart-bad', attempts: '3' }),
        ),
      );
      const comments = await apart();
      expect(new Set(comments)).toEqual(new Set(good.map((event) => event.comment)));
      for (let key = 0; key < 6; key++) {
        const ofKey = good.filter((event) => event.customerId === `c-apart-${key}`).map((event) => event.comment);
        expect(comments.filter((comment) => ofKey.includes(comment))).toEqual(ofKey);
      }
      expect((await inboxTimes()).has(events[13].eventId)).toBe(false);
      await bed.stop('SIGTERM');
    });
  });
});
