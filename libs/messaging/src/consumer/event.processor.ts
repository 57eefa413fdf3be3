import { Logger } from '@nestjs/common';
import { propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { MessageHandler } from '@nestjs/microservices';
import { decodeEvent, type EventTopic, UndecodableEventError } from '@nps/contracts';
import { inSpan, linksTo } from '@nps/observability';
import type { KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { DeadLetterWriter } from '../dead-letter/dead-letter.writer';
import { countProcessed } from '../messaging.metrics';
import type { MessagingSettings } from '../messaging.settings';
import { InfrastructureOutages, outageBackoff } from '../outage/infrastructure.outages';
import { UnitOfWork } from '../outbox/unit-of-work';
import { runHandler } from './event-batch';
import { EventContext } from './event.context';
import { RejectedEventError } from './rejected-event.error';

export interface ConsumedMessage {
  topic: EventTopic;
  partition: number;
  message: KafkaMessage;
  /** kafkajs has no background heartbeat: long retries must call it. */
  heartbeat: () => Promise<void>;
}

/** Thrown out of a record's outage wait when the consumer stops: the record stays uncommitted. */
export class ConsumerStoppingError extends Error {
  override readonly name = 'ConsumerStoppingError';
}

export const CONSUMER_WORKER = 'consumer';
/** Longest sleep between heartbeats while a record waits out an outage. */
const HEARTBEAT_SLICE_MS = 1000;

/**
 * What happens to one consumed record: decode it, apply it exactly once (inbox + handler +
 * outbox in one transaction), retry with backoff, and after the last attempt — or at once for
 * a record that cannot be decoded or that its handler calls invalid — dead-letter it. Resolves
 * when the record may be committed. A Postgres or broker outage uses up no attempt: the record
 * (so its partition) waits, heartbeating, until the outage ends (docs/adr/0014-infrastructure-faults.md).
 */
export class EventProcessor {
  private readonly logger = new Logger(EventProcessor.name);
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: MessagingSettings,
    private readonly deadLetters: DeadLetterWriter,
    private readonly outages: InfrastructureOutages = new InfrastructureOutages(),
  ) {}

  /** Ends every outage wait (the records stay uncommitted), so the consumer can leave its group. */
  stop(): void {
    this.stopping = true;
  }

  /** Processes one record inside a `process <topic>` span whose parent is the producer's trace. */
  async process(consumed: ConsumedMessage, handler: MessageHandler): Promise<void> {
    await inRecordSpan(consumed, this.settings.groupId, () => this.processInSpan(consumed, handler));
  }

  private async processInSpan(consumed: ConsumedMessage, handler: MessageHandler): Promise<void> {
    const { topic, partition, message } = consumed;
    if (isTombstone(consumed)) {
      // Compaction's marker that the key is gone, not an event: what must react to it has an
      // event of its own (an erasure publishes nps.customer.erased.v1 beside the tombstone).
      countProcessed(topic.name, 'tombstone');
      return;
    }
    let decoded;
    try {
      decoded = decodeEvent(topic, message);
    } catch (error) {
      if (!(error instanceof UndecodableEventError)) throw error;
      await this.deadLetter(consumed, error, 1, new Date());
      return;
    }
    let firstFailureAt: Date | undefined;
    let waitedMs = 0;
    for (let attempt = 1; ;) {
      try {
        const applied = await this.applyOnce(decoded.message, decoded.attributes, consumed, handler, attempt);
        this.outages.end(CONSUMER_WORKER);
        countProcessed(topic.name, applied ? 'processed' : 'duplicate');
        return;
      } catch (error) {
        if (this.outages.begin(CONSUMER_WORKER, error)) {
          waitedMs = outageBackoff(waitedMs, this.settings.retryBackoffMs);
          await this.waitHeartbeating(consumed, waitedMs);
          continue;
        }
        waitedMs = 0;
        firstFailureAt ??= new Date();
        if (error instanceof RejectedEventError || attempt >= this.settings.maxAttempts) {
          await this.deadLetter(consumed, error, attempt, firstFailureAt);
          return;
        }
        this.logger.warn({
          msg: `handler failed (attempt ${attempt}), retrying`,
          topic: topic.name,
          partition,
          offset: message.offset,
          error: (error as Error).message,
        });
        await this.waitHeartbeating(consumed, this.settings.retryBackoffMs * 2 ** (attempt - 1));
        attempt++;
      }
    }
  }

  /**
   * Sleeps in slices, heartbeating after each: kafkajs has no background heartbeat, and a member
   * silent for the session timeout would lose its partitions. During a rebalance heartbeat()
   * throws, which hands the uncommitted record to the partition's next owner.
   */
  async waitHeartbeating(consumed: Pick<ConsumedMessage, 'heartbeat'>, ms: number): Promise<void> {
    for (let left = ms; left > 0; left -= HEARTBEAT_SLICE_MS) {
      if (this.stopping) throw new ConsumerStoppingError('the consumer stops; the record stays uncommitted');
      await sleep(Math.min(left, HEARTBEAT_SLICE_MS));
      await consumed.heartbeat();
    }
  }

  private async applyOnce(
    event: unknown,
    attributes: EventContext['attributes'],
    consumed: ConsumedMessage,
    handler: MessageHandler,
    attempt: number,
  ): Promise<boolean> {
    const { schema } = this.settings;
    let unitOfWork: UnitOfWork | undefined;
    const applied = await this.dataSource.transaction(async (manager) => {
      const fresh = await manager.query(
        `INSERT INTO "${schema}".inbox (event_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [attributes.id, consumed.topic.name],
      );
      if (fresh.length === 0) return false; // applied before: a redelivery has no second effect
      unitOfWork = new UnitOfWork(manager, schema, this.settings.source, attributes.id);
      const position = { topic: consumed.topic.name, partition: consumed.partition, offset: consumed.message.offset };
      await runHandler(handler, event, new EventContext([unitOfWork, attributes, position, attempt]));
      await unitOfWork.flush();
      return true;
    });
    unitOfWork?.committed();
    return applied;
  }

  private async deadLetter(
    consumed: ConsumedMessage,
    error: unknown,
    attempts: number,
    firstFailureAt: Date,
  ): Promise<void> {
    const { topic, partition, message } = consumed;
    this.logger.error({
      msg: 'record sent to the dead-letter topic',
      topic: topic.name,
      partition,
      offset: message.offset,
      attempts,
      error: (error as Error).message,
    });
    // The dead-letter topic being unreachable is an outage too: wait for it, the record is not lost.
    for (let waitedMs = 0; ;) {
      try {
        await this.deadLetters.write({ topic: topic.name, partition, message, error, attempts, firstFailureAt });
        this.outages.end(CONSUMER_WORKER);
        countProcessed(topic.name, 'dead_lettered');
        return;
      } catch (writeError) {
        if (!this.outages.begin(CONSUMER_WORKER, writeError)) throw writeError;
        waitedMs = outageBackoff(waitedMs, this.settings.retryBackoffMs);
        await this.waitHeartbeating(consumed, waitedMs);
      }
    }
  }
}

const tracer = trace.getTracer('@nps/messaging');

/** Runs `work` inside a `process <topic>` consumer span whose parent is the producer's trace. */
export async function inRecordSpan<T>(
  { topic, partition, message }: Omit<ConsumedMessage, 'heartbeat'>,
  groupId: string,
  work: () => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headerStrings(message.headers));
  const attributes = { ...spanAttributes(topic, partition, groupId), 'messaging.kafka.offset': Number(message.offset) };
  return inSpan(
    tracer.startSpan(`process ${topic.name}`, { kind: SpanKind.CONSUMER, attributes }, parent),
    parent,
    work,
  );
}

/**
 * Runs `work` inside one `process <topic>` span for several records, linked to each record's producer trace (the
 * OpenTelemetry messaging conventions for batch processing).
 */
export async function inBatchSpan<T>(
  { topic, partition, messages }: { topic: EventTopic; partition?: number; messages: KafkaMessage[] },
  groupId: string,
  work: () => Promise<T>,
): Promise<T> {
  const links = linksTo(messages.map((message) => propagation.extract(ROOT_CONTEXT, headerStrings(message.headers))));
  const attributes = { ...spanAttributes(topic, partition, groupId), 'messaging.batch.message_count': messages.length };
  const span = tracer.startSpan(`process ${topic.name}`, { kind: SpanKind.CONSUMER, attributes, links });
  return inSpan(span, ROOT_CONTEXT, work);
}

/** Without a partition: the records of several partitions, applied together. */
function spanAttributes(topic: EventTopic, partition: number | undefined, groupId: string) {
  return {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': topic.name,
    ...(partition === undefined ? {} : { 'messaging.destination.partition.id': String(partition) }),
    'messaging.consumer.group.name': groupId,
  };
}

/** A key without a value on a compacted topic; elsewhere a missing value is a broken record, dead-lettered. */
export function isTombstone({ topic, message }: Pick<ConsumedMessage, 'topic' | 'message'>): boolean {
  return topic.cleanupPolicy === 'compact' && message.value === null && Boolean(message.key?.length);
}

function headerStrings(headers: KafkaMessage['headers']): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) strings[name] = first.toString();
  }
  return strings;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
