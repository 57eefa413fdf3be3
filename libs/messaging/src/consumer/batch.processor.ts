import { Logger } from '@nestjs/common';
import type { MessageHandler } from '@nestjs/microservices';
import { decodeEvent, type EventTopic, UndecodableEventError } from '@nps/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { countProcessed } from '../messaging.metrics';
import type { MessagingSettings } from '../messaging.settings';
import { unavailableDependency } from '../outage/infrastructure-failure';
import { type InfrastructureOutages, outageBackoff } from '../outage/infrastructure.outages';
import { runDeferredWrites } from '../outbox/deferred-write';
import { appendToOutbox } from '../outbox/outbox.writer';
import { UnitOfWork } from '../outbox/unit-of-work';
import { EventContext } from './event.context';
import { runBatchHandler, runHandler, takesBatches } from './event-batch';
import { CONSUMER_WORKER, type EventProcessor, inBatchSpan, inRecordSpan, isTombstone } from './event.processor';

/** Consecutive records of one partition, in offset order. */
export interface ConsumedBatch {
  topic: EventTopic;
  partition: number;
  messages: KafkaMessage[];
  heartbeat: () => Promise<void>;
}

type Decoded = ReturnType<typeof decodeEvent>;

interface BatchRecord {
  /** Position in the batch (in the records of all batches, when batches are applied together). */
  index: number;
  partition: number;
  message: KafkaMessage;
  event: Decoded['message'];
  attributes: Decoded['attributes'];
}

interface BatchOutcome {
  /** Records applied, in order (a redelivered one is not among them). */
  applied: UnitOfWork[];
  duplicates: number;
  /** Position in the batch of the record whose handler threw: it and the records after it were not applied. */
  failedAt?: number;
  /** Position in the batch of the first record left for the next transaction, its savepoints used up. */
  stoppedAt?: number;
}

const SAVEPOINT = 'nps_record';

/**
 * Records applied one at a time in one transaction, each in a savepoint: Postgres caches 64 subtransaction ids per
 * backend, and past them every snapshot in the database reads pg_subtrans. A batch handler's records need none.
 */
const SAVEPOINTS_PER_TRANSACTION = 64;

/** A deferred write of the whole batch failed: the batch is rolled back and retried record by record. */
class BatchWriteError extends Error {
  constructor(cause: unknown) {
    super(`a deferred write of the batch failed: ${(cause as Error).message}`, { cause });
  }
}

/** Batches applied together failed, not for an outage: rolled back, each goes its own way. */
class NotTogetherError extends Error {
  constructor(cause: unknown) {
    super((cause as Error).message, { cause });
  }
}

/**
 * Batch mode of the consumer (docs/adr/0039-batch-consumer.md): the records of a batch go through
 * one transaction — one multi-row inbox insert, the fresh records' handler calls, and one outbox
 * write for the events of all records applied. A handler marked BATCH_HANDLER gets the fresh
 * records in one call; if that call throws, they go one at a time as for any other handler: each
 * inside a savepoint of its own. A record whose handler
 * throws is rolled back to its savepoint; the records before it commit, it goes the per-record
 * way (retries, dead letter), and the records after it wait for the next call, so a partition's
 * order holds. An outage rolls the whole batch back and waits, heartbeating, as in per-record mode.
 */
export class BatchProcessor {
  private readonly logger = new Logger(BatchProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: MessagingSettings,
    private readonly records: EventProcessor,
    private readonly outages: InfrastructureOutages,
  ) {}

  /**
   * Applies the batch's leading records and resolves with how many of them may be committed
   * (at least one): all of them; those before a record that could not be decoded or whose
   * handler threw, plus that record once the per-record way is done with it; or, when they go one
   * at a time, those that fit in the transaction's savepoints.
   */
  async process(batch: ConsumedBatch, handler: MessageHandler): Promise<number> {
    const { records: decoded, covered } = decodeLeading(batch);
    if (covered === 0) {
      await this.records.process(single(batch, 0), handler);
      return 1;
    }
    if (decoded.length === 0) return covered;
    if (decoded.length === 1) {
      // A batch of one goes the per-record way: the same transaction without the two savepoint round trips.
      await this.records.process(single(batch, decoded[0].index), handler);
      return covered;
    }
    let outcome: BatchOutcome;
    try {
      outcome = await this.committed(batch.topic, batch, () => this.apply(batch, decoded, handler));
    } catch (error) {
      if (!(error instanceof BatchWriteError)) throw error;
      // No record is to blame for it alone: the first one goes the per-record way, which isolates it.
      const first = decoded[0].index;
      await this.records.process(single(batch, first), handler);
      return first + 1;
    }
    if (outcome.stoppedAt !== undefined) return outcome.stoppedAt;
    if (outcome.failedAt === undefined) return covered;
    await this.records.process(single(batch, outcome.failedAt), handler);
    return outcome.failedAt + 1;
  }

  /**
   * Runs a batch's transaction until no outage stops it (the batch waits, heartbeating, and runs
   * again), then tells its applied units of work they are committed.
   */
  private async committed<T extends Pick<BatchOutcome, 'applied' | 'duplicates'>>(
    topic: EventTopic,
    consumed: Pick<ConsumedBatch, 'heartbeat'>,
    transaction: () => Promise<T>,
  ): Promise<T> {
    for (let waitedMs = 0; ;) {
      try {
        const outcome = await transaction();
        this.outages.end(CONSUMER_WORKER);
        for (const unitOfWork of outcome.applied) unitOfWork.committed();
        countProcessed(topic.name, 'processed', outcome.applied.length);
        countProcessed(topic.name, 'duplicate', outcome.duplicates);
        return outcome;
      } catch (error) {
        if (!this.outages.begin(CONSUMER_WORKER, error)) throw error;
        waitedMs = outageBackoff(waitedMs, this.settings.retryBackoffMs);
        await this.records.waitHeartbeating(consumed, waitedMs);
      }
    }
  }

  /**
   * The batches of several partitions of one topic, handed over at once
   * (docs/adr/0047-partitions-applied-together.md): one transaction when the handler takes batches
   * and every record decodes, since a transaction costs round trips however few records it holds.
   * Resolves, per batch, with how many of its records may be committed. If that transaction fails
   * for anything but an outage, it is rolled back and each batch goes its own way (process), which
   * finds the record to blame.
   */
  async processTogether(batches: ConsumedBatch[], handler: MessageHandler): Promise<number[]> {
    if (batches.length > 1 && takesBatches(handler)) {
      const decoded = batches.map(decodeLeading);
      if (decoded.every(({ covered }, i) => covered === batches[i].messages.length)) {
        const records = decoded.flatMap((d) => d.records).map((record, index) => ({ ...record, index }));
        if (records.length > 1 && (await this.applyTogether(batches, records, handler)))
          return batches.map((batch) => batch.messages.length);
      }
    }
    const done: number[] = [];
    for (const batch of batches) done.push(await this.process(batch, handler));
    return done;
  }

  /** Resolves false, with everything rolled back, when the batches are better applied each on its own. */
  private async applyTogether(batches: ConsumedBatch[], records: BatchRecord[], handler: MessageHandler) {
    const { topic } = batches[0];
    const together = () =>
      this.dataSource.transaction(async (manager) => {
        const fresh = await this.claim(manager, topic, records);
        const unapplied = firstCopies(records).filter((record) => fresh.has(record.attributes.id));
        const items = this.itemsOf(manager, topic, unapplied);
        const messages = unapplied.map((record) => record.message);
        try {
          if (items.length > 0)
            await inBatchSpan({ topic, messages }, this.settings.groupId, () => runBatchHandler(handler, items));
        } catch (error) {
          if (unavailableDependency(error)) throw error;
          throw new NotTogetherError(error);
        }
        const applied = items.map((item) => item.context.unitOfWork);
        await this.finish(manager, applied).catch((error: unknown) => {
          throw error instanceof BatchWriteError ? new NotTogetherError(error) : error;
        });
        return { applied, duplicates: records.length - applied.length };
      });
    try {
      await this.committed(topic, batches[0], together);
      return true;
    } catch (error) {
      if (!(error instanceof NotTogetherError)) throw error;
      this.logger.warn({
        msg: `${records.length} records of ${batches.length} partitions failed together; each partition goes alone`,
        topic: topic.name,
        error: error.message,
      });
      return false;
    }
  }

  private async apply(batch: ConsumedBatch, records: BatchRecord[], handler: MessageHandler): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const fresh = await this.claim(manager, batch.topic, records);
      // A redelivered record was applied before and has no second effect; nor has a second copy of
      // an event in the same batch (the outbox relay publishes at least once).
      const unapplied = firstCopies(records).filter((record) => fresh.has(record.attributes.id));
      await manager.query(`SAVEPOINT ${SAVEPOINT}`);
      const outcome =
        takesBatches(handler) && unapplied.length > 1
          ? ((await this.applyAtOnce(manager, batch, unapplied, handler)) ??
            (await this.applyEach(manager, batch, unapplied, handler)))
          : await this.applyEach(manager, batch, unapplied, handler);
      const end = outcome.failedAt ?? outcome.stoppedAt ?? Infinity;
      const taken = new Set(unapplied);
      outcome.duplicates = records.filter((record) => record.index < end && !taken.has(record)).length;
      await this.finish(manager, outcome.applied);
      return outcome;
    });
  }

  private async finish(manager: EntityManager, applied: UnitOfWork[]): Promise<void> {
    // What the applied records deferred (counters such as rollups), each write once for the batch.
    try {
      await runDeferredWrites(
        manager,
        applied.map((unitOfWork) => unitOfWork.takeDeferred()),
      );
    } catch (error) {
      if (unavailableDependency(error)) throw error;
      throw new BatchWriteError(error);
    }
    // The applied records' events in one write, in offset order (one key lock round, one insert).
    await appendToOutbox(
      manager,
      this.settings.schema,
      applied.flatMap((unitOfWork) => unitOfWork.takePending()),
    );
  }

  /**
   * Hands a batch handler all the records in one call. If it throws, their work is rolled back and
   * undefined returned, so that they go one at a time and the record to blame is found.
   */
  private async applyAtOnce(
    manager: EntityManager,
    batch: ConsumedBatch,
    records: BatchRecord[],
    handler: MessageHandler,
  ): Promise<BatchOutcome | undefined> {
    const items = this.itemsOf(manager, batch.topic, records);
    const messages = records.map((record) => record.message);
    try {
      await inBatchSpan({ ...batch, messages }, this.settings.groupId, () => runBatchHandler(handler, items));
    } catch (error) {
      if (unavailableDependency(error)) throw error; // the whole batch waits and runs again
      await manager.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      this.logger.warn({
        msg: `batch handler failed on ${records.length} records; applying them one at a time`,
        topic: batch.topic.name,
        partition: batch.partition,
        error: (error as Error).message,
      });
      return undefined;
    }
    return { applied: items.map((item) => item.context.unitOfWork), duplicates: 0 };
  }

  /**
   * Applies the records one at a time, each in a savepoint of its own, up to the first whose handler throws or the
   * last savepoint of the transaction; the records after that are unclaimed and wait for the next call.
   */
  private async applyEach(
    manager: EntityManager,
    batch: ConsumedBatch,
    records: BatchRecord[],
    handler: MessageHandler,
  ): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { applied: [], duplicates: 0 };
    for (const [i, record] of records.entries()) {
      if (i === SAVEPOINTS_PER_TRANSACTION) {
        await this.unclaim(
          manager,
          records.slice(i).map((later) => later.attributes.id),
        );
        outcome.stoppedAt = record.index;
        break;
      }
      if (i > 0) await batch.heartbeat();
      const context = this.contextOf(manager, batch.topic, record);
      try {
        await inRecordSpan({ ...batch, message: record.message }, this.settings.groupId, () =>
          runHandler(handler, record.event, context),
        );
        // One round trip: keep this record's work, open the next record's savepoint.
        await manager.query(`RELEASE SAVEPOINT ${SAVEPOINT}; SAVEPOINT ${SAVEPOINT}`);
      } catch (error) {
        if (unavailableDependency(error)) throw error; // the whole batch waits and runs again
        await manager.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
        // This record and the ones after it are not applied now: their inbox rows go too.
        await this.unclaim(
          manager,
          records.slice(i).map((later) => later.attributes.id),
        );
        outcome.failedAt = record.index;
        break;
      }
      outcome.applied.push(context.unitOfWork);
    }
    return outcome;
  }

  private itemsOf(manager: EntityManager, topic: EventTopic, records: BatchRecord[]) {
    return records.map((record) => ({ event: record.event, context: this.contextOf(manager, topic, record) }));
  }

  private contextOf(
    manager: EntityManager,
    topic: EventTopic,
    { message, attributes, partition }: BatchRecord,
  ): EventContext {
    const { schema, source } = this.settings;
    const unitOfWork = new UnitOfWork(manager, schema, source, attributes.id);
    const position = { topic: topic.name, partition, offset: message.offset };
    return new EventContext([unitOfWork, attributes, position, 1]);
  }

  /** Inserts the batch's inbox rows at once; resolves with the ids that were not there yet. */
  private async claim(manager: EntityManager, topic: EventTopic, records: BatchRecord[]): Promise<Set<string>> {
    const ids = records.map((record) => record.attributes.id);
    const rows: Array<{ event_id: string }> = await manager.query(
      `INSERT INTO "${this.settings.schema}".inbox (event_id, topic)
       SELECT id, $2 FROM unnest($1::text[]) AS id ON CONFLICT DO NOTHING RETURNING event_id`,
      [ids, topic.name],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  private async unclaim(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(`DELETE FROM "${this.settings.schema}".inbox WHERE event_id = ANY($1::text[])`, [ids]);
  }
}

/**
 * The batch's records up to the first one that cannot be decoded (that one goes alone), and how
 * many of the batch's records they cover: a tombstone (a compacted topic's deletion marker)
 * carries no event and is passed over, as in per-record mode.
 */
function decodeLeading(batch: ConsumedBatch): { records: BatchRecord[]; covered: number } {
  const records: BatchRecord[] = [];
  let covered = 0;
  for (const [index, message] of batch.messages.entries()) {
    if (!isTombstone({ topic: batch.topic, message })) {
      try {
        const { message: event, attributes } = decodeEvent(batch.topic, message);
        records.push({ index, partition: batch.partition, message, event, attributes });
      } catch (error) {
        if (!(error instanceof UndecodableEventError)) throw error;
        break;
      }
    }
    covered++;
  }
  return { records, covered };
}

/** The records whose event id did not come earlier in the batch. */
function firstCopies(records: BatchRecord[]): BatchRecord[] {
  const seen = new Set<string>();
  return records.filter(({ attributes: { id } }) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function single({ topic, partition, messages, heartbeat }: ConsumedBatch, index: number) {
  return { topic, partition, message: messages[index], heartbeat };
}
