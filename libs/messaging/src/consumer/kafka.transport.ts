import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { ALL_TOPICS, type EventTopic } from '@nps/contracts';
import { Kafka, type Consumer, type EachBatchPayload, type EachMessagePayload } from 'kafkajs';
import { kafkaConfig, physicalTopic, type KafkaConnection } from '../kafka.options';
import { countFrom } from '../messaging.metrics';
import type { MessagingSettings } from '../messaging.settings';
import type { InfrastructureOutages } from '../outage/infrastructure.outages';
import type { BatchProcessor } from './batch.processor';
import type { ConsumerLagMonitor } from './consumer-lag.monitor';
import type { EventProcessor } from './event.processor';
import { fetchWait } from './fetch-wait';
import { PartitionBatchesGatherer } from './partition-batches.gatherer';

/** The consumer settings of MessagingSettings (described there); each but the group has a default here. */
type ConsumerSettings = Pick<
  MessagingSettings,
  | 'partitionsConcurrently'
  | 'sessionTimeoutMs'
  | 'batchSize'
  | 'batchWaitMs'
  | 'fetchMaxBytes'
  | 'partitionFetchMaxBytes'
>;

export interface KafkaTransportOptions extends KafkaConnection, Partial<ConsumerSettings> {
  groupId: string;
  /** Read from the beginning when the group has no committed offset yet (default true). */
  fromBeginning?: boolean;
}

/** The pause before a consumer that kafkajs gave up on is replaced: a crash loop must not spin. */
const REPLACE_AFTER_MS = 1000;

/**
 * A Nest custom transport over kafkajs: `@EventPattern(Topics.X.name)` handlers receive decoded
 * events; a record's offset is committed only after the EventProcessor is done with it
 * (applied, or dead-lettered). See docs/adr/0004-messaging-transport.md.
 */
export class KafkaTransport extends Server implements CustomTransportStrategy {
  private readonly kafka: Kafka;
  private readonly topics = new Map<string, EventTopic>(ALL_TOPICS.map((topic) => [topic.name, topic]));
  private readonly gatherer?: PartitionBatchesGatherer;
  private consumer?: Consumer;
  private closed = false;

  constructor(
    private readonly options: KafkaTransportOptions,
    private readonly processor: EventProcessor,
    private readonly outages: InfrastructureOutages,
    private readonly lag?: ConsumerLagMonitor,
    private readonly batches?: BatchProcessor,
  ) {
    super();
    this.kafka = new Kafka(kafkaConfig(options));
    if (batches) this.gatherer = new PartitionBatchesGatherer(batches);
  }

  /**
   * Connects and subscribes, then lets the service go on while the consumer joins its group in the
   * background: after a SIGKILL the group waits for the dead member's session to expire before it
   * rebalances, and the HTTP API need not wait for that (docs/adr/0021-restart-to-ready.md).
   */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private async start(): Promise<void> {
    const consumer = await this.subscribe();
    if (!consumer) return;
    if (this.closed) return consumer.disconnect();
    const started = Date.now();
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const msg = `joined consumer group ${payload.groupId} after ${Date.now() - started} ms`;
      this.logger.log({ msg, groupId: payload.groupId, memberId: payload.memberId });
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) void this.replace(consumer, payload.error);
    });
    consumer
      .run({
        autoCommit: false,
        partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
        ...(this.batched()
          ? { eachBatchAutoResolve: false, eachBatch: (payload) => this.handleBatch(consumer, payload) }
          : { eachMessage: (payload) => this.handle(consumer, payload) }),
      })
      .catch((error: Error) => this.logger.error({ msg: `consumer stopped: ${error.message}`, err: error }));
  }

  /**
   * kafkajs restarts a crashed consumer only after a retriable error. After any other (a TypeError,
   * a commit racing the restart after an earlier crash) the service would stay up and ready while
   * consuming nothing; a new consumer takes the crashed one's place instead.
   */
  private async replace(crashed: Consumer, error: Error): Promise<void> {
    if (this.consumer !== crashed) return;
    this.consumer = undefined;
    const msg = `consumer crashed and kafkajs will not restart it (${error.message})`;
    this.logger.error({ msg: `${msg}; a new one starts in ${REPLACE_AFTER_MS} ms`, err: error });
    await crashed.disconnect().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, REPLACE_AFTER_MS));
    if (this.closed) return;
    await this.start().catch((failure: Error) =>
      this.logger.error({ msg: `the new consumer did not start: ${failure.message}`, err: failure }),
    );
  }

  private async subscribe(): Promise<Consumer | undefined> {
    const patterns = [...this.messageHandlers.keys()];
    const unknown = patterns.filter((pattern) => !this.topics.has(pattern));
    if (unknown.length > 0) throw new Error(`@EventPattern names no declared topic: ${unknown.join(', ')}`);
    if (patterns.length === 0) return undefined;
    const sessionTimeout = this.options.sessionTimeoutMs ?? 10000;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout,
      heartbeatInterval: Math.min(3000, Math.floor(sessionTimeout / 3)),
      retry: { retries: 8 },
      ...fetchWait(this.batched() ? (this.options.batchSize ?? 1) : 1, this.options.batchWaitMs ?? 0),
      maxBytes: this.options.fetchMaxBytes,
      maxBytesPerPartition: this.options.partitionFetchMaxBytes,
    });
    this.consumer = consumer;
    await this.outages.waitFor('consumer', () => consumer.connect());
    await this.outages.waitFor('consumer', () =>
      consumer.subscribe({
        topics: patterns.map((topic) => physicalTopic(topic, this.options.topicPrefix)),
        fromBeginning: this.options.fromBeginning ?? true,
      }),
    );
    this.lag?.watch(patterns);
    countFrom(patterns);
    return consumer;
  }

  private async handle(
    consumer: Consumer,
    { topic, partition, message, heartbeat }: EachMessagePayload,
  ): Promise<void> {
    const logical = topic.slice((this.options.topicPrefix ?? '').length);
    const spec = this.topics.get(logical);
    const handler = this.getHandlerByPattern(logical);
    if (spec && handler) await this.processor.process({ topic: spec, partition, message, heartbeat }, handler);
    await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  }

  private batched(): boolean {
    return this.batches !== undefined && (this.options.batchSize ?? 1) > 1;
  }

  /**
   * Batch mode (docs/adr/0039-batch-consumer.md): the fetched records of a partition go through
   * the BatchProcessor in slices of batchSize, together with the slices of the topic's other
   * partitions handed over at the same time (ADR 0047); each slice's offsets are committed after its
   * transaction, and a rebalance is noticed between slices.
   */
  private async handleBatch(
    consumer: Consumer,
    { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
  ): Promise<void> {
    const { topic, partition, messages } = batch;
    const logical = topic.slice((this.options.topicPrefix ?? '').length);
    const spec = this.topics.get(logical);
    const handler = this.getHandlerByPattern(logical);
    for (let next = 0; next < messages.length && isRunning() && !isStale();) {
      const slice = messages.slice(next, next + (this.options.batchSize ?? 1));
      const done =
        spec && handler && this.gatherer
          ? await this.gatherer.process({ topic: spec, partition, messages: slice, heartbeat }, handler)
          : slice.length;
      const last = slice[done - 1].offset;
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
      resolveOffset(last);
      next += done;
      await heartbeat();
    }
  }

  /** Stops fetching, lets the record in flight finish and commit (or end its outage wait), then leaves the group. */
  async close(): Promise<void> {
    this.closed = true;
    this.processor.stop();
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  on(): never {
    throw new Error('KafkaTransport has no status events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}
