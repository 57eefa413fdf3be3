import type { MessageHandler } from '@nestjs/microservices';
import type { BatchProcessor, ConsumedBatch } from './batch.processor';
import { PartitionBatchesGatherer } from './partition-batches.gatherer';

const handler = (() => undefined) as unknown as MessageHandler;
const batchOf = (topic: string, partition: number, records: number): ConsumedBatch =>
  ({
    topic: { name: topic },
    partition,
    messages: Array.from({ length: records }, () => ({})),
    heartbeat: async () => undefined,
  }) as unknown as ConsumedBatch;
/** Past the turn of the event loop in which the gatherer dispatches what it gathered. */
const nextTurn = async () => {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
};

/** A processor whose calls stay open until the test ends them, so it sees which run at once. */
function heldProcessor() {
  const calls: Array<{ batches: ConsumedBatch[]; end: () => void }> = [];
  let open = 0;
  let mostOpen = 0;
  const processor = {
    processTogether: (batches: ConsumedBatch[]) =>
      new Promise<number[]>((resolve) => {
        open++;
        mostOpen = Math.max(mostOpen, open);
        calls.push({
          batches,
          end: () => {
            open--;
            resolve(batches.map((batch) => batch.messages.length));
          },
        });
      }),
  } as unknown as BatchProcessor;
  return { processor, calls, mostOpen: () => mostOpen };
}

describe('PartitionBatchesGatherer', () => {
  it("gives the batches handed over in one turn to the processor together, a topic's at a time", async () => {
    const { processor, calls, mostOpen } = heldProcessor();
    const gatherer = new PartitionBatchesGatherer(processor);
    const done = [batchOf('a', 0, 2), batchOf('b', 0, 3), batchOf('a', 1, 4)].map((batch) =>
      gatherer.process(batch, handler),
    );
    await nextTurn();
    expect(calls.map((call) => call.batches.map((b) => `${b.topic.name}/${b.partition}`))).toEqual([['a/0', 'a/1']]);
    calls[0].end();
    await nextTurn();
    expect(calls[1].batches.map((b) => `${b.topic.name}/${b.partition}`)).toEqual(['b/0']);
    calls[1].end();
    expect(await Promise.all(done)).toEqual([2, 3, 4]);
    expect(mostOpen()).toBe(1);
  });

  it('keeps the batches handed over while others are applied for the next gathering, never side by side', async () => {
    const { processor, calls, mostOpen } = heldProcessor();
    const gatherer = new PartitionBatchesGatherer(processor);
    const first = gatherer.process(batchOf('a', 0, 1), handler);
    await nextTurn();
    expect(calls).toHaveLength(1);
    // A worker of kafkajs that finished early starts queued batches in later turns.
    const later = [gatherer.process(batchOf('b', 0, 5), handler)];
    await nextTurn();
    later.push(gatherer.process(batchOf('b', 1, 6), handler));
    await nextTurn();
    expect(calls).toHaveLength(1);

    calls[0].end();
    await first;
    await nextTurn();
    expect(calls).toHaveLength(2);
    expect(calls[1].batches.map((b) => b.partition)).toEqual([0, 1]);
    calls[1].end();
    expect(await Promise.all(later)).toEqual([5, 6]);
    expect(mostOpen()).toBe(1);
  });

  it('goes on with the next gathering when one fails', async () => {
    const { processor, calls } = heldProcessor();
    const failing = {
      processTogether: (batches: ConsumedBatch[]) =>
        batches[0].topic.name === 'bad'
          ? Promise.reject(new Error('broken'))
          : processor.processTogether(batches, handler),
    } as unknown as BatchProcessor;
    const gatherer = new PartitionBatchesGatherer(failing);
    await expect(gatherer.process(batchOf('bad', 0, 1), handler)).rejects.toThrow('broken');
    const next = gatherer.process(batchOf('a', 0, 2), handler);
    await nextTurn();
    calls[0].end();
    expect(await next).toBe(2);
  });
});
