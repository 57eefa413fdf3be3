import type { MessageHandler } from '@nestjs/microservices';
import DataLoader from 'dataloader';
import type { BatchProcessor, ConsumedBatch } from './batch.processor';

/**
 * Gathers the batches kafkajs hands over at once, one per partition, and gives each topic's to the
 * BatchProcessor together (docs/adr/0047-partitions-applied-together.md). kafkajs starts every
 * batch of a fetch in the same turn of the event loop (up to partitionsConcurrently), so batches
 * that arrive before the next turn are taken together.
 */
export class PartitionBatchesGatherer {
  private readonly byTopic = new Map<string, DataLoader<ConsumedBatch, number>>();

  constructor(private readonly processor: BatchProcessor) {}

  /** Resolves with how many of the batch's records may be committed (see BatchProcessor.process). */
  process(batch: ConsumedBatch, handler: MessageHandler): Promise<number> {
    return this.loaderOf(batch.topic.name, handler).load(batch);
  }

  private loaderOf(topic: string, handler: MessageHandler): DataLoader<ConsumedBatch, number> {
    let loader = this.byTopic.get(topic);
    if (!loader) {
      loader = new DataLoader((batches) => this.processor.processTogether([...batches], handler), {
        cache: false,
        batchScheduleFn: (dispatch) => setImmediate(dispatch),
      });
      this.byTopic.set(topic, loader);
    }
    return loader;
  }
}
