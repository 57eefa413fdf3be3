import type { MessageHandler } from '@nestjs/microservices';
import DataLoader from 'dataloader';
import type { BatchProcessor, ConsumedBatch } from './batch.processor';

interface HandedOver {
  batch: ConsumedBatch;
  handler: MessageHandler;
}

/**
 * Gathers the batches kafkajs hands over, one per partition, and gives each topic's to the
 * BatchProcessor together (docs/adr/0047-partitions-applied-together.md). kafkajs starts the
 * batches of a fetch on up to partitionsConcurrently workers, mostly in the same turn of the event
 * loop; a worker that finishes early starts a batch still queued later on. So the batches that arrive
 * while a gathering is applied wait and form the next one, and the topics of a gathering go one after
 * the other: no two transactions of the consumer run at once, as when batches went one at a time.
 * Handlers of different topics may meet the same rows (a case and the tags of its response), and each
 * must see what the other committed.
 */
export class PartitionBatchesGatherer {
  /** Settles when the gathering being applied is done. */
  private idle: Promise<unknown> = Promise.resolve();

  private readonly loader = new DataLoader<HandedOver, number>(
    (handed) => {
      const applied = this.processByTopic(handed);
      this.idle = applied.catch(() => undefined);
      return applied;
    },
    { cache: false, batchScheduleFn: (dispatch) => void this.idle.then(() => setImmediate(dispatch)) },
  );

  constructor(private readonly processor: BatchProcessor) {}

  /** Resolves with how many of the batch's records may be committed (see BatchProcessor.process). */
  process(batch: ConsumedBatch, handler: MessageHandler): Promise<number> {
    return this.loader.load({ batch, handler });
  }

  private async processByTopic(handed: readonly HandedOver[]): Promise<number[]> {
    const byTopic = new Map<string, number[]>();
    handed.forEach(({ batch }, i) => {
      const positions = byTopic.get(batch.topic.name);
      if (positions) positions.push(i);
      else byTopic.set(batch.topic.name, [i]);
    });
    const done: number[] = [];
    for (const positions of byTopic.values()) {
      const batches = positions.map((i) => handed[i].batch);
      const counts = await this.processor.processTogether(batches, handed[positions[0]].handler);
      positions.forEach((position, i) => (done[position] = counts[i]));
    }
    return done;
  }
}
