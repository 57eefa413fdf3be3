import type { MessageHandler } from '@nestjs/microservices';
import DataLoader from 'dataloader';
import type { BatchProcessor, ConsumedBatch } from './batch.processor';

interface HandedOver {
  batch: ConsumedBatch;
  handler: MessageHandler;
}

/**
 * Gathers the batches kafkajs hands over at once, one per partition, and gives each topic's to the
 * BatchProcessor together (docs/adr/0047-partitions-applied-together.md). kafkajs starts every
 * batch of a fetch in the same turn of the event loop (up to partitionsConcurrently), so batches
 * that arrive before the next turn are taken together. The topics go one after the other, as the
 * batches did one at a time: handlers of different topics may meet the same rows (a case and the
 * tags of its response), and each must see what the other committed.
 */
export class PartitionBatchesGatherer {
  private readonly loader = new DataLoader<HandedOver, number>((handed) => this.processByTopic(handed), {
    cache: false,
    batchScheduleFn: (dispatch) => setImmediate(dispatch),
  });

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
