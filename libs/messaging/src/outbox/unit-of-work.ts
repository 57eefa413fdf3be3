import { context, propagation } from '@opentelemetry/api';
import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { encodeEvent, type EventTopic } from '@nps/contracts';
import type { EntityManager } from 'typeorm';
import { type DeferredParts, type DeferredWrite, runDeferredWrites } from './deferred-write';
import { eventIdFor } from './event-id';
import { appendToOutbox, type OutboxMessage } from './outbox.writer';

/**
 * One database transaction of a handler: its state changes go through `manager`, the events it
 * must publish through `publish`. Both commit together or not at all (transactional outbox).
 */
export class UnitOfWork {
  private readonly pending: OutboxMessage[] = [];
  private readonly afterCommit: Array<() => void> = [];
  private readonly deferred: DeferredParts = new Map();
  private published = 0;

  constructor(
    readonly manager: EntityManager,
    private readonly schema: string,
    private readonly source: string,
    /** Id of the event being handled, if any: events published without an id derive theirs from it. */
    private readonly causationId?: string,
  ) {}

  /** Queues an event for the outbox (an empty `eventId` is filled in); written when the unit of work commits. */
  publish<Desc extends DescMessage>(topic: EventTopic<Desc>, message: MessageInitShape<Desc>): void {
    const withId = {
      ...message,
      eventId: (message as { eventId?: string }).eventId || eventIdFor(this.causationId, topic.name, this.published++),
    };
    const encoded = encodeEvent(topic, withId, { source: this.source });
    const headers: Record<string, string> = { ...encoded.headers };
    // The trace of the work that caused the event continues in whoever consumes it.
    propagation.inject(context.active(), headers);
    this.pending.push({ topic: topic.name, key: encoded.key, value: encoded.value, headers });
  }

  /**
   * Queues a tombstone (the key, no value, no headers) on a compacted topic: compaction then drops
   * every earlier record of the key. Consumers skip it (event.processor.ts); whatever must react
   * to the key going needs an event of its own (e.g. an erasure, docs/adr/0038-customer-erasure.md).
   */
  tombstone(topic: EventTopic, key: string): void {
    if (topic.cleanupPolicy !== 'compact')
      throw new Error(`${topic.name} is not compacted: a tombstone means nothing there`);
    if (!key) throw new Error('a tombstone needs a key');
    this.pending.push({ topic: topic.name, key, value: null, headers: {} });
  }

  /** Runs `callback` once the transaction committed (e.g. a counter): a rolled-back attempt counts nothing. */
  onCommitted(callback: () => void): void {
    this.afterCommit.push(callback);
  }

  /** Called by the transaction runner after commit. */
  committed(): void {
    for (const callback of this.afterCommit.splice(0)) callback();
  }

  /** Queues a part of a write that runs once per transaction, before commit (deferred-write.ts). */
  defer<T>(write: DeferredWrite<T>, part: T): void {
    const parts = this.deferred.get(write as DeferredWrite<unknown>) ?? [];
    parts.push(part);
    this.deferred.set(write as DeferredWrite<unknown>, parts);
  }

  /** Hands over the queued parts of deferred writes, for a runner that writes several units of work's at once. */
  takeDeferred(): DeferredParts {
    const taken = new Map(this.deferred);
    this.deferred.clear();
    return taken;
  }

  /** Runs the deferred writes, then writes the queued events; called by the transaction runner just before commit. */
  async flush(): Promise<void> {
    await runDeferredWrites(this.manager, [this.takeDeferred()]);
    await appendToOutbox(this.manager, this.schema, this.takePending());
  }

  /** Hands over the queued events, for a runner that writes several units of work's events at once. */
  takePending(): OutboxMessage[] {
    return this.pending.splice(0);
  }
}
