import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, toRecord } from '@nps/testing';
import { LEDGER, ledgerComments } from '../fixtures/ledger/ledger.definition';

const LIMIT = 4096;

// CONSUMER_FETCH_MAX_BYTES and CONSUMER_PARTITION_FETCH_MAX_BYTES
// (docs/adr/0055-fetch-what-a-few-batches-need.md): a fetch brings about the limit, so the consumer
// holds no more than that decoded, and a record larger than the limit still comes, alone.
describe('a consumer in batch mode with fetch limits', () => {
  const bed = serviceBed({
    service: LEDGER,
    env: {
      CONSUMER_BATCH_SIZE: '50',
      CONSUMER_PARTITIONS_CONCURRENTLY: '32',
      CONSUMER_FETCH_MAX_BYTES: String(LIMIT),
      CONSUMER_PARTITION_FETCH_MAX_BYTES: String(LIMIT),
    },
    autoStart: false,
  });

  it('applies a backlog in fetches of about the limit, records larger than it included, each once and in order', async () => {
    await bed.start(); // creates the topics
    await bed.stop('SIGTERM');
    // One key, so one partition; three of the forty records are 10 kB each.
    const events = Array.from({ length: 40 }, (_, i) =>
      anEvent(Topics.ResponseReceived, {
        customerId: 'c-fetch',
        comment: i % 13 === 5 ? `big-${i}-${'x'.repeat(10000)}` : `r-${i}`,
      }),
    );
    // One produce request each: the broker hands out whole record batches, so one request of forty
    // would come as one batch whatever the limit.
    await bed.publishRecords(
      events.map((event) => toRecord(Topics.ResponseReceived, event)),
      1,
    );
    await bed.start();

    const comments = events.map((event) => event.comment);
    await expectEventually(async () => expect(await ledgerComments(bed)).toEqual(comments), { timeoutMs: 30000 });
    // One now() per transaction. With kafkajs' 1 MiB per partition all forty come in one fetch and
    // are applied in one transaction, as the poison-record case of batch-consumer.int-spec.ts relies on.
    const transactions = await bed.rows('SELECT DISTINCT processed_at FROM inbox');
    const totalBytes = events.reduce((sum, event) => sum + event.comment.length, 0);
    expect(transactions.length).toBeGreaterThanOrEqual(Math.floor(totalBytes / LIMIT / 2));
    await bed.stop('SIGTERM');
  });
});
